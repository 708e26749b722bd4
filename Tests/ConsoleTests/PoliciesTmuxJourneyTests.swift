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
}
