import Foundation
import Testing
@testable import CloudEngine

@Suite("Runtime: Lambda log lines")
struct RuntimeLogFormatterTests {
    @Test("REPORT on a warm invocation")
    func warmReport() {
        let line = LambdaLogFormatter.report(requestId: "r", durationMs: 12.34, billedDurationMs: 13, memorySizeMB: 128, maxMemoryUsedMB: 40)
        #expect(line == "REPORT RequestId: r\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB")
    }

    @Test("REPORT on a cold start adds the init duration; a timeout adds its status")
    func coldReport() {
        let cold = LambdaLogFormatter.report(
            requestId: "r", durationMs: 4.42, billedDurationMs: 338, memorySizeMB: 1152, maxMemoryUsedMB: 75, initDurationMs: 333.05)
        #expect(cold == "REPORT RequestId: r\tDuration: 4.42 ms\tBilled Duration: 338 ms\tMemory Size: 1152 MB\tMax Memory Used: 75 MB\tInit Duration: 333.05 ms")
        let timeout = LambdaLogFormatter.report(
            requestId: "r", durationMs: 1000.5, billedDurationMs: 1001, memorySizeMB: 128, maxMemoryUsedMB: 30, status: .timeout)
        #expect(timeout.hasSuffix("\tMax Memory Used: 30 MB\tStatus: timeout"))
        let exited = LambdaLogFormatter.report(
            requestId: "r", durationMs: 1, billedDurationMs: 1, memorySizeMB: 128, maxMemoryUsedMB: 30, status: .error(type: "Runtime.ExitError"))
        #expect(exited.hasSuffix("\tStatus: error\tError Type: Runtime.ExitError"))
    }

    @Test("Billed duration rounds up to the next millisecond and includes the init phase")
    func billed() {
        #expect(LambdaLogFormatter.billedDuration(durationMs: 12.34) == 13)
        #expect(LambdaLogFormatter.billedDuration(durationMs: 13.0) == 13)
        #expect(LambdaLogFormatter.billedDuration(durationMs: 13.01) == 14)
        #expect(LambdaLogFormatter.billedDuration(durationMs: 0.2) == 1)
        #expect(LambdaLogFormatter.billedDuration(durationMs: 4.42, initDurationMs: 333.05) == 338)
    }

    @Test("START, END, INIT_START and the timeout wording")
    func platformLines() {
        #expect(LambdaLogFormatter.start(requestId: "r", version: "$LATEST") == "START RequestId: r Version: $LATEST")
        #expect(LambdaLogFormatter.end(requestId: "r") == "END RequestId: r")
        let initStart = LambdaLogFormatter.initStart(runtime: "python3.11", region: "eu-west-1")
        #expect(initStart.hasPrefix("INIT_START Runtime Version: python:3.11.v"))
        #expect(initStart.contains("\tRuntime Version ARN: arn:aws:lambda:eu-west-1::runtime:"))
        let local = LambdaLogFormatter.initStart(runtime: "python3.13", region: "eu-west-1", localPython: "3.11.7")
        #expect(local.hasPrefix("INIT_START Runtime Version: python:3.11.7 (local python3, for python3.13)\tRuntime Version ARN: "))
        #expect(LambdaLogFormatter.timedOutMessage(timeoutSeconds: 3) == "Task timed out after 3.00 seconds")
        let date = Date(timeIntervalSince1970: 1_767_225_603.25)
        #expect(LambdaLogFormatter.timedOutLine(at: date, requestId: "r", timeoutSeconds: 1)
            == "2026-01-01T00:00:03.250Z r Task timed out after 1.00 seconds")
        #expect(LambdaLogFormatter.runtimeExitedMessage(requestId: "r", reason: "exit status 3")
            == "RequestId: r Error: Runtime exited with error: exit status 3")
    }

    @Test("Log stream names are the date, the version in brackets, then 32 hex")
    func streamName() {
        let name = LambdaLogFormatter.logStreamName(
            date: Date(timeIntervalSince1970: 1_767_225_600), version: "$LATEST", hex: String(repeating: "ab", count: 16))
        #expect(name == "2026/01/01/[$LATEST]" + String(repeating: "ab", count: 16))
    }
}
