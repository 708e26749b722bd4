import Foundation
import Testing
@testable import CloudEngine

@Suite("Functions invoke: synchronous")
struct FunctionsInvokeSyncTests {
    @Test("a hello-world function answers with its JSON, the version and a log tail")
    func helloWorld() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        try test.function("hello", source: InvokeFixture.helloSource)
        let response = try test.functions.invoke("hello", payload: Data(#"{"name": "Ada"}"#.utf8), caller: .root)
        #expect(response.statusCode == 200)
        #expect(response.functionError == nil)
        #expect(response.json?["message"] as? String == "hello Ada")
        #expect(response.executedVersion == "$LATEST")
        #expect(!response.requestID.isEmpty)
        #expect(response.tail.contains("START RequestId: \(response.requestID)"))
        #expect(response.tail.contains("REPORT RequestId: \(response.requestID)"))
    }

    @Test("the log lands in /aws/lambda/NAME in order, from INIT_START to REPORT, and the record names the stream")
    func logsInOrder() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        try test.function("hello", source: InvokeFixture.helloSource, logging: true)
        let response = try test.functions.invoke("hello", payload: Data("{}".utf8), caller: .root)
        #expect(try test.logGroupNames() == ["/aws/lambda/hello"])
        let record = try #require(try test.functions.invocations(function: "hello", caller: .root).first)
        #expect(record.requestID == response.requestID)
        let stream = try #require(record.logStreamName)
        #expect(stream.contains("[$LATEST]"))
        let messages = try test.logMessages(function: "hello", stream: stream)
        let start = try #require(messages.firstIndex { $0.hasPrefix("START RequestId: \(response.requestID)") })
        let hello = try #require(messages.firstIndex { $0.contains("hello from hello") })
        let second = try #require(messages.firstIndex { $0.contains("second line") })
        let end = try #require(messages.firstIndex { $0.hasPrefix("END RequestId: \(response.requestID)") })
        let report = try #require(messages.firstIndex { $0.hasPrefix("REPORT RequestId: \(response.requestID)") })
        #expect(messages.first?.hasPrefix("INIT_START") == true)
        #expect(start < hello && hello < second && second < end && end < report)
    }

    @Test("a warm second call reuses the worker and the stream, and is not a cold start")
    func warmReuse() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        try test.function("hello", source: InvokeFixture.helloSource)
        let first = try test.functions.invoke("hello", payload: Data("{}".utf8), caller: .root)
        let second = try test.functions.invoke("hello", payload: Data("{}".utf8), caller: .root)
        #expect(first.requestID != second.requestID)
        let records = try test.functions.invocations(function: "hello", caller: .root)
        #expect(records.map(\.requestID) == [second.requestID, first.requestID])
        #expect(records[1].initDurationMs != nil)
        #expect(records[0].initDurationMs == nil)
        #expect(records[0].logStreamName == records[1].logStreamName)
        let messages = try test.logMessages(function: "hello", stream: try #require(records[0].logStreamName))
        #expect(messages.filter { $0.hasPrefix("START RequestId") }.count == 2)
    }

    @Test("a role without the logs actions still runs the function, and no log group appears")
    func noLogPermission() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        try test.function("quiet", source: InvokeFixture.helloSource, logging: false)
        let response = try test.functions.invoke("quiet", payload: Data("{}".utf8), caller: .root)
        #expect(response.functionError == nil)
        #expect(response.json?["message"] as? String == "hello world")
        #expect(try test.logGroupNames().isEmpty)
        #expect(try test.functions.invocations(function: "quiet", caller: .root).map(\.status) == [.success])
    }

    @Test("a handler exception is a 200 with functionError Unhandled and the error document, recorded as Error")
    func handlerError() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        try test.function("broken", source: InvokeFixture.failingSource)
        let response = try test.functions.invoke("broken", payload: Data("{}".utf8), caller: .root)
        #expect(response.statusCode == 200)
        #expect(response.functionError == "Unhandled")
        #expect(response.json?["errorType"] as? String == "ValueError")
        #expect(response.json?["errorMessage"] as? String == "boom")
        let record = try #require(try test.functions.invocations(function: "broken", caller: .root).first)
        #expect(record.requestID == response.requestID)
        #expect(record.status == .error)
        #expect(record.errorType == "ValueError")
        #expect(record.errorMessage == "boom")
        #expect(record.payloadPreview == "{}")
    }

    @Test("a handler past its timeout is stopped and recorded as Timeout")
    func timeout() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        try test.function("sleepy", source: InvokeFixture.sleepySource, timeout: 1)
        let response = try test.functions.invoke("sleepy", payload: Data("{}".utf8), caller: .root)
        #expect(response.functionError == "Unhandled")
        #expect(response.tail.contains("Task timed out after 1.00 seconds"))
        let record = try #require(try test.functions.invocations(function: "sleepy", caller: .root).first)
        #expect(record.requestID == response.requestID)
        #expect(record.status == .timeout)
    }

    @Test("a user without lambda:InvokeFunction is denied and nothing runs")
    func accessDenied() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        try test.function("hello", source: InvokeFixture.helloSource)
        let reader = try test.user("reader", policies: [IAMDoc.allow("lambda:GetFunction")])
        expectEngineError("AccessDenied", 403, "lambda:InvokeFunction") {
            try test.functions.invoke("hello", payload: Data("{}".utf8), caller: reader)
        }
        #expect(try test.functions.invocations(function: "hello", caller: .root).isEmpty)
        let invoker = try test.user("invoker", policies: [IAMDoc.allow("lambda:InvokeFunction")])
        #expect(try test.functions.invoke("hello", payload: Data("{}".utf8), caller: invoker).functionError == nil)
    }

    @Test("a missing function is ResourceNotFoundException")
    func missingFunction() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        expectEngineError("ResourceNotFoundException", 404, "Function not found") {
            try test.functions.invoke("nothing", payload: Data("{}".utf8), caller: .root)
        }
    }

    @Test("a published version runs its own code and reports its version")
    func publishedVersion() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        try test.function("hello", source: InvokeFixture.helloSource)
        let v1 = try test.functions.publishVersion("hello", caller: .root)
        try test.functions.updateFunctionCode("hello", code: .files(["app.py": Data(InvokeFixture.failingSource.utf8)]), caller: .root)
        let old = try test.functions.invoke("hello", qualifier: v1.version, payload: Data("{}".utf8), caller: .root)
        #expect(old.executedVersion == v1.version)
        #expect(old.functionError == nil)
        let latest = try test.functions.invoke("hello", payload: Data("{}".utf8), caller: .root)
        #expect(latest.functionError == "Unhandled")
        _ = try test.functions.invoke("hello", payload: Data("{}".utf8), caller: .root)
        let extracted = try FileManager.default.contentsOfDirectory(atPath: test.functions.codeCacheDirectory + "/hello").sorted()
        #expect(extracted.count == 2)
        #expect(extracted.allSatisfy { $0.hasPrefix("1-") || $0.hasPrefix("LATEST-") })
    }
}

@Suite("Functions invoke: errors and log batches")
struct FunctionsInvokeUnitTests {
    @Test("python3 missing from PATH is a ServiceException that says what to do")
    func pythonMissing() {
        let error = FunctionsService.engineError(.runtimeUnavailable("python3 was not found on PATH"))
        #expect(error.code == "ServiceException")
        #expect(error.httpStatus == 500)
        #expect(error.message.contains("python3 was not found on PATH: install Python 3 to run functions"))
        #expect(FunctionsService.engineError(.accountConcurrencyExceeded(limit: 10)).code == "TooManyRequestsException")
    }

    @Test("log events are kept in order with non-decreasing timestamps, empty lines dropped")
    func eventOrder() {
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        let lines = [WorkerLogLine(timestamp: base.addingTimeInterval(0.5), message: "a"),
                     WorkerLogLine(timestamp: base, message: "b"),
                     WorkerLogLine(timestamp: base, message: ""),
                     WorkerLogLine(timestamp: base.addingTimeInterval(1), message: "c")]
        let events = FunctionLogWriter.events(lines)
        #expect(events.map(\.message) == ["a", "b", "c"])
        #expect(events.map(\.timestamp) == [1_800_000_000_500, 1_800_000_000_500, 1_800_000_001_000])
    }

    @Test("batches stay within 10,000 events and 1 MiB")
    func batches() {
        let many = (0..<10_001).map { InputLogEvent(timestamp: Int64($0), message: "x") }
        #expect(FunctionLogWriter.batches(many).map(\.count) == [10_000, 1])
        let big = String(repeating: "y", count: 400_000)
        let large = (0..<3).map { InputLogEvent(timestamp: Int64($0), message: big) }
        #expect(FunctionLogWriter.batches(large).map(\.count) == [2, 1])
    }
}

@Suite("Functions invoke: asynchronous")
struct FunctionsInvokeAsyncTests {
    @Test("an Event invocation answers 202 and runs once when the handler succeeds")
    func asyncSuccess() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        test.account.functionRuntime.asyncRetryDelays = [0, 0]
        try test.function("hello", source: InvokeFixture.helloSource)
        let response = try test.functions.invokeAsync("hello", payload: Data("{}".utf8), caller: .root)
        #expect(response.statusCode == 202)
        #expect(response.payload.isEmpty)
        test.account.functionRuntime.drainAsyncInvocations()
        let records = try test.functions.invocations(function: "hello", caller: .root)
        #expect(records.map(\.requestID) == [response.requestID])
        #expect(records.map(\.status) == [.success])
    }

    @Test("a failing Event invocation is attempted three times, with the same request id in the log")
    func asyncRetries() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        test.account.functionRuntime.asyncRetryDelays = [0, 0]
        let outcomes = OutcomeBox()
        test.account.functionRuntime.onAsyncInvocationFinished { outcomes.add($0) }
        try test.function("broken", source: InvokeFixture.failingSource)
        let response = try test.functions.invokeAsync("broken", payload: Data("{}".utf8), caller: .root)
        #expect(response.statusCode == 202)
        test.account.functionRuntime.drainAsyncInvocations()
        let records = try test.functions.invocations(function: "broken", caller: .root)
        #expect(records.count == 3)
        #expect(records.allSatisfy { $0.status == .error && $0.errorType == "ValueError" })
        let stream = try #require(records.first?.logStreamName)
        let starts = try test.logMessages(function: "broken", stream: stream).filter { $0.hasPrefix("START RequestId: \(response.requestID)") }
        #expect(starts.count == 3)
        let outcome = try #require(outcomes.all.first)
        #expect(outcomes.all.count == 1)
        #expect(outcome.requestID == response.requestID)
        #expect(outcome.attempts.count == 3)
        #expect(outcome.attempts.allSatisfy { $0.functionError == "Unhandled" })
    }

    @Test("an Event invocation is authorized before it is accepted")
    func asyncDenied() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        try test.function("hello", source: InvokeFixture.helloSource)
        let nobody = try test.user("nobody")
        expectEngineError("AccessDenied", 403) {
            try test.functions.invokeAsync("hello", payload: Data("{}".utf8), caller: nobody)
        }
        test.account.functionRuntime.drainAsyncInvocations()
        #expect(try test.functions.invocations(function: "hello", caller: .root).isEmpty)
    }
}

final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [AsyncInvocationOutcome] = []
    func add(_ outcome: AsyncInvocationOutcome) { lock.withLock { outcomes.append(outcome) } }
    var all: [AsyncInvocationOutcome] { lock.withLock { outcomes } }
}
