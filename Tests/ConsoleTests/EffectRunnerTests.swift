import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

@Suite("Effect runner")
struct EffectRunnerTests {
    @Test("In the background, results arrive as actions once the queue has drained")
    func backgroundResults() throws {
        let f = try ConsoleFixture(start: false)
        try f.bucket("photos")
        let mailbox = ActionMailbox()
        let runner = EffectRunner(account: f.account, mode: .background) { mailbox.post($0) }
        runner.run(.buckets(.listBuckets), as: .root)
        runner.drain()
        let actions = mailbox.drain()
        guard case .buckets(.bucketsLoaded(let buckets)) = actions.first else { Issue.record("no result: \(actions)"); return }
        #expect(buckets.map(\.name) == ["photos"])
    }

    @Test("An engine error comes back with its AWS code and message")
    func engineError() throws {
        let f = try ConsoleFixture(start: false)
        let mailbox = ActionMailbox()
        let runner = EffectRunner(account: f.account, mode: .inline) { mailbox.post($0) }
        runner.run(.buckets(.deleteBucket("ghost")), as: .root)
        guard case .buckets(.bucketDeleteFailed(let name, let error)) = mailbox.drain().first else {
            Issue.record("no failure"); return
        }
        #expect(name == "ghost")
        #expect(error.description == "NoSuchBucket: The specified bucket does not exist: ghost")
    }

    @Test("Effects run as the console's identity: a caller the account does not allow is refused")
    func actsAsIdentity() throws {
        let f = try ConsoleFixture(start: false)
        let mailbox = ActionMailbox()
        let runner = EffectRunner(account: f.account, mode: .inline) { mailbox.post($0) }
        let stranger = ConsoleIdentity(caller: Caller(identity: .user(name: "bob", id: "AIDAEXAMPLE", path: "/")), label: "user bob")
        runner.run(.buckets(.listBuckets), as: stranger)
        guard case .buckets(.bucketsLoadFailed(let error)) = mailbox.drain().first else { Issue.record("not refused"); return }
        #expect(error.code == "AccessDenied")
    }
}
