import CloudEngine
import Foundation
import Testing

/// The Roles panel in the real binary: the create-role wizard, an inline policy, then acting as a read-only user.
@Suite("Roles in tmux", .serialized)
struct RolesTmuxJourneyTests {
    @Test("Wizard a Lambda role with AWSLambdaBasicExecutionRole, add an inline s3:GetObject, act as a read-only user and be refused an upload, :as root and upload",
          .enabled(if: TmuxJourneyTests.tmuxPath != nil, "tmux is not installed; skipping the real-binary journey"))
    func journey() throws {
        for size in [(120, 40), (80, 24)] {
            let session = try TmuxSession(width: size.0, height: size.1) { path in
                let account = try Account.open(path: path)
                try account.storage.createBucket("uploads", caller: .root)
                try account.iam.createUser("viewer", caller: .root)
                try account.iam.attachPolicy("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", to: .user("viewer"), caller: .root)
            }
            defer { session.close() }
            let file = try session.write("report.csv", "region,total\nnorth,10\n")
            try session.waitFor("S3 › Buckets")
            session.command("roles")
            try session.waitFor("No roles yet")
            session.keys("n")
            try session.waitFor("1 of 3")
            session.keys("Enter")
            try session.waitFor("Filter")
            session.text("AWSLambdaBasicExecutionRole")
            try session.waitFor("1 of 1")
            session.keys("Space", "Enter")
            try session.waitFor("Name and review")
            session.text("uploads-reader")
            session.keys("Enter")
            try session.waitFor("Role uploads-reader")
            try session.waitFor("Permissions (1)")
            session.keys("i")
            try session.waitFor("Add inline policy")
            session.text("read-uploads")
            session.keys("Tab", "Tab", "Tab")
            session.text("GetOb")
            session.keys("Tab", "Tab", "Right", "Right", "Tab")
            session.text("uploads")
            try session.waitFor("arn:aws:s3:::uploads/*")
            session.keys("Enter")
            try session.waitFor("Saved inline policy")
            // All three in the role's detail: the managed policy, the inline one, and (tab 2) Lambda as trusted.
            try session.waitFor { $0.contains("AWSLambdaBasicExecutionRole") && $0.contains("read-uploads") && $0.contains("Inline") }
            session.keys("2")
            try session.waitFor("Service: lambda")
            session.command("as viewer")
            try session.waitFor("as user viewer")
            session.command("buckets")
            try session.waitFor("uploads")
            session.keys("Enter")
            try session.waitFor("This bucket is empty")
            session.keys("u")
            try session.waitFor("Upload to s3://uploads/")
            session.text(file)
            session.keys("Enter")
            try session.waitFor("✗ AccessDenied")
            // The whole reason, every word, is in :messages.
            session.command("messages")
            try session.waitFor("the refusal, whole") { $0.contains("Messages (newest first)") && $0.contains("s3:PutObject")
                && $0.contains("identity-based") }
            session.keys("Escape")
            try session.waitFor { !$0.contains("Messages (newest first)") }
            session.command("as root")
            try session.waitFor("Acting as root again")
            session.keys("u")
            try session.waitFor("Upload to s3://uploads/")
            session.text(file)
            session.keys("Enter")
            try session.waitFor("Uploaded")
            session.keys("q")
            let (status, _) = try session.waitForExit()
            #expect(status == 0, "exit status at \(size)")
        }
    }
}
