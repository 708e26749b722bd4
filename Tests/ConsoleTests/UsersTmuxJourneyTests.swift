import Foundation
import Testing

/// The Users panel in the real binary: create a user, attach a managed policy, create a key and see its secret once.
@Suite("Users panel in tmux", .serialized)
struct UsersTmuxJourneyTests {
    @Test(":users, create a user, attach AmazonS3ReadOnlyAccess, create an access key and see the secret once",
          .enabled(if: TmuxJourneyTests.tmuxPath != nil, "tmux is not installed; skipping the real-binary journey"))
    func journey() throws {
        for size in [(120, 40), (80, 24)] {
            let session = try TmuxSession(width: size.0, height: size.1)
            defer { session.close() }
            try session.waitFor("S3 › Buckets")
            session.command("users")
            try session.waitFor("No users yet. Press n to create one.")
            session.keys("n")
            try session.waitFor("Create user")
            session.text("tmux-user")
            session.keys("Enter")
            try session.waitFor("arn:aws:iam::")
            try session.waitFor("No permissions: the user may do nothing.")
            session.keys("a")
            try session.waitFor("Attach policies to tmux-user")
            session.text("AmazonS3ReadOnly")
            try session.waitFor { $0.contains("AmazonS3ReadOnlyAccess") && !$0.contains("loading…") }
            session.keys("Enter")
            // The toast may wrap at 80 columns: the policy's row in the list is what says it is attached.
            try session.waitFor { $0.contains("AWS managed") && !$0.contains("Attach policies to") }
            session.keys("3")
            try session.waitFor("No access keys. Press n to create one")
            session.keys("n")
            try session.waitFor("Copy it now; it can't be shown again.")
            let dialog = session.capture()
            let secret = try #require(Self.secret(in: dialog), "no secret on the screen:\n\(dialog)")
            session.keys("Enter")
            try session.waitFor { !$0.contains("Copy it now") && $0.contains("Active") }
            #expect(!session.capture().contains(secret), "the secret is still on the screen at \(size)")
            session.keys("q")
            let (status, alternate) = try session.waitForExit()
            #expect(status == 0, "exit status at \(size)")
            #expect(alternate == 0, "still in the alternate screen at \(size)")
        }
    }

    /// The 40-character secret on the line under "Secret access key".
    static func secret(in screen: String) -> String? {
        let lines = screen.components(separatedBy: "\n")
        guard let label = lines.firstIndex(where: { $0.contains("Secret access key") }), label + 1 < lines.count else { return nil }
        return lines[label + 1].split(separator: " ").map(String.init).first { $0.count == 40 }
    }
}
