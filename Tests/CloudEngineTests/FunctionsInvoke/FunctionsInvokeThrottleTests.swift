import Foundation
import Testing
@testable import CloudEngine

@Suite("Functions invoke: throttled Event invocations")
struct FunctionsInvokeThrottleTests {
    @Test("A burst of Event invocations beyond the concurrency cap waits for capacity: every one runs once, none fails")
    func burstWaitsForCapacity() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        test.account.functionRuntime.configurePool(WorkerPoolSettings(accountConcurrency: 1))
        test.account.functionRuntime.asyncRetryDelays = [0, 0]
        try test.function("hello", source: InvokeFixture.helloSource)
        let requests = try (0..<8).map { _ in
            try test.functions.invokeAsync("hello", payload: Data("{}".utf8), caller: .root).requestID
        }
        test.account.functionRuntime.drainAsyncInvocations()
        let records = try test.functions.invocations(function: "hello", limit: 50, caller: .root)
        #expect(records.count == requests.count)
        #expect(Set(records.map(\.requestID)) == Set(requests))
        #expect(records.allSatisfy { $0.status == .success })
    }
}
