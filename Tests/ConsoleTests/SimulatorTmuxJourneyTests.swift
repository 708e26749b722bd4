import Foundation
import Testing

/// The real binary in tmux: open the simulator, run a decision, read it, quit cleanly.
@Suite("Simulator in the real binary", .serialized)
struct SimulatorTmuxJourneyTests {
    @Test("Open :simulator, complete an action with Tab, run it as root, see it allowed, fix a typo, quit",
          .enabled(if: TmuxJourneyTests.tmuxPath != nil, "tmux is not installed; skipping the real-binary journey"))
    func journey() throws {
        for size in [(120, 40), (80, 24)] {
            let session = try TmuxSession(width: size.0, height: size.1)
            defer { session.close() }
            try session.waitFor("S3 › Buckets")
            session.command("simulator")
            try session.waitFor("IAM › Simulator › root")
            try session.waitFor("Choose a principal, type the actions")
            session.keys("Tab")
            session.text("s3:ListAllM")
            try session.waitFor("Tab: s3:ListAllMyBuckets")
            session.keys("Tab")
            session.text(", GetObject")
            session.keys("Enter")
            try session.waitFor("“GetObject” is not service:Action")
            session.keys("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
            session.text("s3:GetObject")
            session.keys("Enter")
            try session.waitFor { $0.contains("✓ allowed") && $0.contains("s3:ListAllMyBuckets") && $0.contains("s3:GetObject") }
            try session.waitFor("2 of 2 actions allowed")
            try session.waitFor("Allowed: the account root may do anything")
            // The results have the keys now: q quits.
            session.keys("q")
            let (status, alternate) = try session.waitForExit()
            #expect(status == 0, "exit status at \(size)")
            #expect(alternate == 0, "still in the alternate screen at \(size)")
        }
    }
}
