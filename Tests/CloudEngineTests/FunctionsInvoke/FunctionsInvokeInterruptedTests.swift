import Foundation
import Testing
@testable import CloudEngine

/// An invocation is recorded when it starts; if the process running it dies, whoever opens the account
/// next marks it Interrupted, so it never silently vanishes.
@Suite("Functions invoke: interrupted invocations", .serialized)
struct FunctionsInvokeInterruptedTests {
    func statuses(_ env: TestAccount, _ function: String) throws -> [InvocationStatus] {
        try env.functions.invocations(function: function, caller: .root).map(\.status)
    }

    @Test("A running invocation is visible as Running, left alone while its process lives, and Interrupted once it is killed")
    func killedInvoker() throws {
        let env = try TestAccount()
        defer { env.removeCodeCache() }
        try env.function("spinner", source: "def handler(event, context):\n    while True:\n        pass\n", timeout: 900)
        let invoker = try FixtureProcess(["invoke", env.path, "spinner", "{}", "-"])
        defer { invoker.kill() }
        #expect(invoker.waitForLine { $0 == "invoking" } != nil)
        var seen: [InvocationStatus] = []
        // Generous bounds for a loaded machine: these are deadlines, not measurements.
        for _ in 0..<600 where seen != [.running] {
            seen = try statuses(env, "spinner")
            if seen != [.running] { usleep(50_000) }
        }
        #expect(seen == [.running])

        let whileAlive = try env.reopen()
        #expect(try whileAlive.functions.markInterruptedInvocations() == 0, "its process is still running")

        kill(invoker.process.processIdentifier, SIGKILL)
        var gone = false
        for _ in 0..<1_500 where !gone {
            gone = ProcessIdentity.identity(of: invoker.process.processIdentifier) == nil
                || RuntimeOrphanTests.isZombie(invoker.process.processIdentifier)
            if !gone { usleep(20_000) }
        }
        #expect(gone, "the killed invoker is still listed as running")
        _ = try env.reopen()
        let records = try env.functions.invocations(function: "spinner", caller: .root)
        #expect(records.map(\.status) == [.interrupted])
        let message = try #require(records.first?.errorMessage)
        #expect(message.contains("(pid \(invoker.process.processIdentifier)) ended before it finished"))
        #expect(records.first?.errorType == "Overcast.Interrupted")
    }

    @Test("A finished invocation replaces its Running record with the outcome")
    func finished() throws {
        let env = try TestAccount()
        defer { env.removeCodeCache(); env.account.functionRuntime.shutdown() }
        try env.function("hello", source: InvokeFixture.helloSource)
        _ = try env.functions.invoke("hello", payload: Data("{}".utf8), caller: .root)
        #expect(try statuses(env, "hello") == [.success])
        #expect(try env.count("SELECT COUNT(*) FROM function_invocations WHERE runner IS NOT NULL") == 0)
    }

    @Test("A throttled invocation leaves no record behind")
    func throttled() throws {
        let env = try TestAccount()
        defer { env.removeCodeCache(); env.account.functionRuntime.shutdown() }
        env.account.functionRuntime.configurePool(WorkerPoolSettings(accountConcurrency: 0))
        try env.function("hello", source: InvokeFixture.helloSource)
        #expect(throws: EngineError.self) { try env.functions.invoke("hello", payload: Data("{}".utf8), caller: .root) }
        #expect(try statuses(env, "hello").isEmpty)
    }
}
