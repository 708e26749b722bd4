import Foundation
import Testing
@testable import CloudEngine

@Suite("Functions console: latest invocation per function")
struct FnConsoleLatestInvocationTests {
    @Test("each function with records maps to its newest one; functions never invoked are absent")
    func newestPerFunction() throws {
        let test = try TestAccount()
        try test.helloFunction("alpha")
        try test.helloFunction("beta")
        try test.helloFunction("idle")
        let start = test.clock.now()
        let alphaOld = FnConsoleFixture.record("a-1", function: "alpha", at: start)
        let betaOnly = FnConsoleFixture.record("b-1", function: "beta", at: start.addingTimeInterval(1), status: .error)
        let alphaNew = FnConsoleFixture.record("a-2", function: "alpha", at: start.addingTimeInterval(2), status: .timeout)
        for record in [alphaOld, betaOnly, alphaNew] { try test.functions.recordInvocation(record) }

        let latest = try test.functions.latestInvocations(caller: .root)
        #expect(Set(latest.keys) == ["alpha", "beta"])
        #expect(latest["alpha"] == alphaNew)
        #expect(latest["beta"] == betaOnly)
        #expect(latest["idle"] == nil)
    }

    @Test("an account without invocations gives an empty map; a deleted function's records are gone")
    func emptyAndDeleted() throws {
        let test = try TestAccount()
        #expect(try test.functions.latestInvocations(caller: .root).isEmpty)
        try test.helloFunction("gone")
        try test.functions.recordInvocation(FnConsoleFixture.record("g-1", function: "gone", at: test.clock.now()))
        #expect(try test.functions.latestInvocations(caller: .root).keys.sorted() == ["gone"])
        try test.functions.deleteFunction("gone", caller: .root)
        #expect(try test.functions.latestInvocations(caller: .root).isEmpty)
    }

    @Test("authorized once, as lambda:ListFunctions on *")
    func authorization() throws {
        let recorder = RecordingAuthorizer(deny: ["lambda:ListFunctions"])
        let test = try TestAccount(authorizer: recorder)
        try test.helloFunction("alpha")
        try test.functions.recordInvocation(FnConsoleFixture.record("a-1", function: "alpha", at: test.clock.now()))
        recorder.reset()
        #expect(try test.functions.latestInvocations(caller: .root).count == 1)
        #expect(recorder.asked == ["lambda:ListFunctions *"])
        let user = Caller(identity: .user(name: "ada", id: "AIDAEXAMPLE", path: "/"))
        expectEngineError("AccessDenied", 403, "lambda:ListFunctions") {
            try test.functions.latestInvocations(caller: user)
        }
    }
}
