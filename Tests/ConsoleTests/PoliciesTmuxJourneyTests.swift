import Foundation
import Testing

/// The Policies panel in the real binary: open it, find an AWS managed policy, read its document, go back.
@Suite("Policies in tmux", .serialized)
struct PoliciesTmuxJourneyTests {
    @Test("`:policies`, filter to AWSLambdaBasicExecutionRole, open it, see its document, Esc back, quit cleanly",
          .enabled(if: TmuxJourneyTests.tmuxPath != nil, "tmux is not installed; skipping the real-binary journey"))
    func journey() throws {
        for size in [(120, 40), (80, 24)] {
            let session = try TmuxSession(width: size.0, height: size.1)
            defer { session.close() }
            try session.waitFor("S3 › Buckets")
            session.command("policies")
            try session.waitFor("IAM › Policies")
            try session.waitFor("AdministratorAccess")
            session.keys("/")
            session.text("AWSLambdaBasicExecutionRole")
            session.keys("Enter")
            try session.waitFor { $0.contains("filter AWSLambdaBasicExecutionRole") || $0.contains("filter AWSLambdaBasicExecu") }
            // "AWSLambdaBasicDurableExecutionRolePolicy" does not match; the one row is the policy.
            try session.waitFor { !$0.contains("AdministratorAccess") && $0.contains("AWSLambdaBasicExecutionRole") }
            session.keys("Enter")
            try session.waitFor("IAM › Policies › AWSLambdaBasicExecutionRole › v1")
            try session.waitFor { $0.contains("\"logs:CreateLogGroup\",") && $0.contains("\"Effect\": \"Allow\",") }
            try session.waitFor("AWS managed (read-only)")
            session.keys("Escape")
            try session.waitFor { $0.contains("Policies (") && !$0.contains("Document · v1") }
            session.keys("q")
            let (status, alternate) = try session.waitForExit()
            #expect(status == 0, "exit status at \(size)")
            #expect(alternate == 0, "still in the alternate screen at \(size)")
        }
    }

    @Test("n, a name, Enter: the template opens in $EDITOR, and what it saves becomes the policy's document",
          .enabled(if: TmuxJourneyTests.tmuxPath != nil, "tmux is not installed; skipping the real-binary journey"))
    func createThroughEditor() throws {
        // An editor that needs no terminal: it names the bucket in the template and saves.
        let session = try TmuxSession(width: 80, height: 24, environment: ["EDITOR": "sed -i -e s/my-bucket/reports/g"])
        defer { session.close() }
        try session.waitFor("S3 › Buckets")
        session.command("policies")
        try session.waitFor("IAM › Policies")
        session.keys("n")
        try session.waitFor("Create policy")
        session.text("reports-read")
        session.keys("Enter")
        try session.waitFor("IAM › Policies › reports-read › v1")
        try session.waitFor("Created policy")
        // The toast covers the document's right side at 80 columns until it goes.
        try session.waitFor("\"Resource\": \"arn:aws:s3:::reports\"")
        session.keys("q")
        let (status, alternate) = try session.waitForExit()
        #expect(status == 0)
        #expect(alternate == 0)
    }
}
