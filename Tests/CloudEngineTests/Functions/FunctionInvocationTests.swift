import Foundation
import Testing
@testable import CloudEngine

@Suite("Functions: invocation records")
struct FunctionInvocationTests {
    static func record(_ id: String, status: InvocationStatus = .success, at date: Date) -> InvocationRecord {
        InvocationRecord(requestID: id, functionName: "hello", startedAt: date, durationMs: 12.5, billedDurationMs: 13,
                         memorySize: 128, maxMemoryUsedMB: 40, initDurationMs: status == .success ? 95.2 : nil, status: status,
                         errorType: status == .error ? "ZeroDivisionError" : nil, errorMessage: status == .error ? "division by zero" : nil,
                         payloadPreview: "{}", responsePreview: "null", logStreamName: "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef")
    }

    @Test("records come back newest first, limited, with every field")
    func roundTrip() throws {
        let test = try TestAccount()
        try test.helloFunction()
        let now = test.clock.now()
        let first = Self.record("r1", at: now)
        let second = Self.record("r2", status: .error, at: now.addingTimeInterval(1))
        let third = Self.record("r3", status: .timeout, at: now.addingTimeInterval(2))
        for record in [first, second, third] { try test.functions.recordInvocation(record) }
        #expect(try test.functions.invocations(function: "hello", caller: .root) == [third, second, first])
        #expect(try test.functions.invocations(function: "hello", limit: 1, caller: .root) == [third])
    }

    @Test("a record for a function that is gone is refused, and deleting a function drops its records")
    func missingFunction() throws {
        let test = try TestAccount()
        expectEngineError("ResourceNotFoundException", 404, "Function not found") {
            try test.functions.recordInvocation(Self.record("r1", at: test.clock.now()))
        }
        try test.helloFunction()
        try test.functions.recordInvocation(Self.record("r1", at: test.clock.now()))
        try test.functions.deleteFunction("hello", caller: .root)
        #expect(try test.count("SELECT COUNT(*) FROM function_invocations") == 0)
    }

    @Test("writes announce the functions and invocations topics")
    func topics() throws {
        let test = try TestAccount()
        let seen = FunctionTopicRecorder()
        let subscription = test.account.changes.subscribe { seen.add($0.topics) }
        try test.helloFunction()
        try test.functions.recordInvocation(Self.record("r1", at: test.clock.now()))
        subscription.cancel()
        #expect(seen.topics.contains(.functions))
        #expect(seen.topics.contains(.invocations))
    }

    @Test("the error codes the runtime uses carry Lambda's statuses")
    func runtimeErrors() {
        #expect(EngineError.tooManyRequests().code == "TooManyRequestsException")
        #expect(EngineError.tooManyRequests().httpStatus == 429)
        #expect(EngineError.lambdaService("worker crashed").httpStatus == 500)
        #expect(EngineError.lambdaService("worker crashed").code == "ServiceException")
    }
}

final class FunctionTopicRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<ChangeTopic> = []
    func add(_ topics: Set<ChangeTopic>) { lock.withLock { seen.formUnion(topics) } }
    var topics: Set<ChangeTopic> { lock.withLock { seen } }
}
