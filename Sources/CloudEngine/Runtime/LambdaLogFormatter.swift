import Foundation
import IAMPolicy

/// Lambda's platform log lines (`INIT_START`, `START`, `END`, `REPORT`, ...) and the other
/// texts the Lambda service itself writes, as pure functions.
///
/// Lines are returned without the trailing `"\n"` Lambda puts at the end of every event
/// (and without the `"\t"` before it on `REPORT`), so they read cleanly in the console.
public enum LambdaLogFormatter {
    /// The runtime version Overcast claims for its local python3. There is no Lambda runtime
    /// image here: the bootstrap runs on whatever python3 the machine has, so this is a
    /// plausible, fixed `python:3.x.vNN` label (with `3.x` taken from the function's runtime).
    public static func runtimeVersion(runtime: String) -> String {
        let minor = runtime.hasPrefix("python") ? String(runtime.dropFirst("python".count)) : "3.11"
        return "python:\(minor).v48"
    }

    /// A fixed runtime version ARN to go with `runtimeVersion`.
    public static func runtimeVersionArn(region: String) -> String {
        "arn:aws:lambda:\(region)::runtime:2a4c1f0e9d6b8a7c5e3f1d2b4a6c8e0f1a3b5c7d9e2f4a6b8c0d1e3f5a7b9c2d"
    }

    /// `INIT_START Runtime Version: python:3.11.v48\tRuntime Version ARN: arn:...`, cold starts only.
    ///
    /// Every `python3.x` runtime runs on the local python3, so when its version is known the line says which
    /// really runs (`python:3.11.7 (local python3, for python3.13)`) rather than pretend to be Lambda's build.
    public static func initStart(runtime: String, region: String, localPython: String? = nil) -> String {
        let version = localPython.map { "python:\($0) (local python3, for \(runtime))" } ?? runtimeVersion(runtime: runtime)
        return "INIT_START Runtime Version: \(version)\tRuntime Version ARN: \(runtimeVersionArn(region: region))"
    }

    /// `INIT_REPORT Init Duration: 12.34 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError`,
    /// written when the init phase fails or times out.
    public static func initReport(initDurationMs: Double, status: String, errorType: String?) -> String {
        var line = "INIT_REPORT Init Duration: \(twoDecimals(initDurationMs)) ms\tPhase: init\tStatus: \(status)"
        if let errorType { line += "\tError Type: \(errorType)" }
        return line
    }

    /// `START RequestId: <id> Version: $LATEST`
    public static func start(requestId: String, version: String) -> String {
        "START RequestId: \(requestId) Version: \(version)"
    }

    /// `END RequestId: <id>`
    public static func end(requestId: String) -> String {
        "END RequestId: \(requestId)"
    }

    /// How an invocation ended, for the `Status:` fields Lambda adds to `REPORT` when it did not succeed.
    public enum ReportStatus: Sendable, Equatable {
        /// The handler returned or raised: no status fields.
        case completed
        /// `Status: timeout`
        case timeout
        /// `Status: error\tError Type: <type>` (the runtime exited, ran out of memory, failed to init).
        case error(type: String)
    }

    /// `REPORT RequestId: <id>\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB`
    /// plus `\tInit Duration: 123.45 ms` on a cold start, then the status fields when it did not complete.
    public static func report(
        requestId: String,
        durationMs: Double,
        billedDurationMs: Int,
        memorySizeMB: Int,
        maxMemoryUsedMB: Int,
        initDurationMs: Double? = nil,
        status: ReportStatus = .completed
    ) -> String {
        var line = "REPORT RequestId: \(requestId)\tDuration: \(twoDecimals(durationMs)) ms"
            + "\tBilled Duration: \(billedDurationMs) ms\tMemory Size: \(memorySizeMB) MB\tMax Memory Used: \(maxMemoryUsedMB) MB"
        if let initDurationMs { line += "\tInit Duration: \(twoDecimals(initDurationMs)) ms" }
        switch status {
        case .completed: break
        case .timeout: line += "\tStatus: timeout"
        case .error(let type): line += "\tStatus: error\tError Type: \(type)"
        }
        return line
    }

    /// Billed duration: rounded up to the next whole millisecond. Since August 2025 Lambda also bills
    /// the init phase of managed runtimes, so a cold start bills `duration + init duration`, rounded up.
    public static func billedDuration(durationMs: Double, initDurationMs: Double? = nil) -> Int {
        let total = durationMs + (initDurationMs ?? 0)
        // Durations are printed with two decimals; round up what is printed, not float noise below it.
        let hundredths = (total * 100).rounded(.toNearestOrAwayFromZero)
        return max(Int((hundredths / 100).rounded(.up)), 1)
    }

    /// `Task timed out after 3.00 seconds`: the configured timeout, with two decimals.
    public static func timedOutMessage(timeoutSeconds: Double) -> String {
        "Task timed out after \(twoDecimals(timeoutSeconds)) seconds"
    }

    /// The log line Lambda writes when it stops a handler at its timeout:
    /// `2026-01-01T00:00:03.000Z <id> Task timed out after 3.00 seconds`.
    public static func timedOutLine(at date: Date, requestId: String, timeoutSeconds: Double) -> String {
        "\(iso8601(date)) \(requestId) \(timedOutMessage(timeoutSeconds: timeoutSeconds))"
    }

    /// `RequestId: <id> Error: Runtime exited with error: exit status 3`
    public static func runtimeExitedMessage(requestId: String, reason: String) -> String {
        "RequestId: \(requestId) Error: Runtime exited with error: \(reason)"
    }

    /// The log event Lambda writes when the runtime process dies: the message, then the error type on its own line.
    public static func runtimeExitedLine(requestId: String, reason: String, errorType: String) -> String {
        "\(runtimeExitedMessage(requestId: requestId, reason: reason))\n\(errorType)"
    }

    /// `YYYY/MM/DD/[$LATEST]` + 32 lowercase hex: one stream per execution environment.
    public static func logStreamName(date: Date, version: String, hex: String) -> String {
        UTCTimestamp(date).slashedDate + "[\(version)]\(hex)"
    }

    /// `2026-01-01T00:00:03.000Z`
    public static func iso8601(_ date: Date) -> String {
        UTCTimestamp(date).iso8601Milliseconds
    }

    static func twoDecimals(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
