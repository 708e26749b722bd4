import CloudEngine
import Console
import Foundation
import ScreenTesting
import Testing
import TerminalUI

/// Every screen of the Functions panel, at 120×40 and 80×24, as text goldens (with the role layer).
///
/// Nothing here runs python: invocation rows, log lines and the Test tab's result are written with fixed
/// values, roles have fixed names, and the python version is pinned.
@Suite("Functions screens")
struct FunctionsScreenGoldenTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24)]
    static let roleARN = "arn:aws:iam::123456789012:role/service-role/orders-api-role"
    static let stream = "2026/01/01/[$LATEST]0f1e2d3c4b5a69788796a5b4c3d2e1f0"
    static let firstRequest = "8c3f1a52-6d0e-4b7a-9f21-3e5d7c9b1a40"
    static let secondRequest = "b71e9d04-2a6c-4f38-8e15-c0d9a3f6e287"
    static let failedRequest = "e4a09b6c-71d2-4c5e-a3f8-96b1d0e27c5f"
    /// 2026-01-01T00:00:00Z in milliseconds.
    static let startMillis: Int64 = 1_767_225_600_000

    /// Builds the screen with `setup` at each size and compares it with `Snapshots/FunctionsScreenGoldenTests/<name>_<W>x<H>.txt`.
    func golden(_ name: String, sourceLocation: SourceLocation = #_sourceLocation,
                _ setup: (FunctionsFixture) throws -> Void) throws {
        for size in Self.sizes {
            let f = try FunctionsFixture(size: size)
            try setup(f)
            assertScreen(f.harness.screen, named: "\(name)_\(size.width)x\(size.height)", roles: true,
                         sourceLocation: sourceLocation)
        }
    }

    /// Two functions: orders-api (python3.13, 256 MB, last run a success) and image-resizer (last run an error).
    func sample(_ f: FunctionsFixture) throws {
        try f.role("orders-api-role", path: "/service-role/")
        try f.function("orders-api", template: .printS3Event, role: Self.roleARN, memorySize: 256, timeout: 30,
                       environment: ["STAGE": "dev", "TABLE_NAME": "orders"])
        try f.functions.updateFunctionConfiguration("orders-api", settings: FunctionSettings(description: "Prints S3 events"),
                                                    caller: .root)
        f.clock.advance(by: 3600)
        try f.function("image-resizer", role: Self.roleARN)
        try f.record("orders-api", requestID: Self.firstRequest, after: 4000, initDuration: 85.2, response: "{\"records\": 1}",
                     stream: Self.stream)
        try f.record("orders-api", requestID: Self.secondRequest, after: 4060, duration: 1.87, response: "{\"records\": 2}",
                     stream: Self.stream)
        try f.record("image-resizer", requestID: Self.failedRequest, after: 4100, status: .error, duration: 3.02,
                     errorType: "KeyError", errorMessage: "'Records'", stream: nil)
        try f.logStream("orders-api", Self.stream, start: Self.startMillis + 4_000_000, [
            "INIT_START Runtime Version: python:3.13.v1\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:python3.13",
            "START RequestId: \(Self.firstRequest) Version: $LATEST",
            "Received event: {\"Records\": [{\"eventName\": \"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": \"uploads\"}, \"object\": {\"key\": \"in/a.csv\", \"size\": 20}}}]}",
            "ObjectCreated:Put s3://uploads/in/a.csv (20 bytes)",
            "END RequestId: \(Self.firstRequest)",
            "REPORT RequestId: \(Self.firstRequest)\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: 41 MB\tInit Duration: 85.20 ms\t",
            "START RequestId: \(Self.secondRequest) Version: $LATEST",
            "Received event: {\"Records\": [...]}",
            "ObjectCreated:Put s3://uploads/in/b.csv (7 bytes)",
            "ObjectCreated:Put s3://uploads/in/c d.csv (9 bytes)",
            "END RequestId: \(Self.secondRequest)",
            "REPORT RequestId: \(Self.secondRequest)\tDuration: 1.87 ms\tBilled Duration: 2 ms\tMemory Size: 256 MB\tMax Memory Used: 41 MB\t",
        ])
        try f.bucket("uploads")
        try f.bucket("archive")
        f.openPanel()
        f.pinPython()
    }

    @Test func functionList() throws { try golden("functionList") { try sample($0) } }

    @Test func emptyList() throws {
        try golden("emptyList") { f in
            f.openPanel()
            f.pinPython()
        }
    }

    @Test func createForm() throws {
        try golden("createForm") { f in
            try sample(f)
            f.harness.press("n")
            f.pinPython()
            f.harness.type("thumbnailer")
            f.harness.press("tab", "tab", "tab", "tab", "space")
        }
    }

    @Test func createFormInvalidName() throws {
        try golden("createFormInvalidName") { f in
            try sample(f)
            f.harness.press("n")
            f.pinPython()
            f.harness.type("bad name!")
            f.harness.press("enter")
        }
    }

    @Test func codeTab() throws {
        try golden("codeTab") { f in
            try sample(f)
            f.open("orders-api")
        }
    }

    @Test func configurationTab() throws {
        try golden("configurationTab") { f in
            try sample(f)
            f.open("orders-api", tab: .configuration)
        }
    }

    @Test func configurationForm() throws {
        try golden("configurationForm") { f in
            try sample(f)
            f.open("orders-api", tab: .configuration)
            f.harness.press("e")
            f.pinPython()
            f.retype("99")
        }
    }

    @Test func testTabTemplate() throws {
        try golden("testTabTemplate") { f in
            try sample(f)
            f.open("orders-api", tab: .test)
            f.selectEvent("s3-put")
        }
    }

    @Test func testTabResult() throws {
        try golden("testTabResult") { f in
            try sample(f)
            f.open("orders-api", tab: .test)
            let id = Self.firstRequest
            let report = "REPORT RequestId: \(id)  Duration: 12.34 ms  Billed Duration: 13 ms  Memory Size: 256 MB  Max Memory Used: 41 MB  Init Duration: 85.20 ms"
            f.harness.update {
                $0.functions.detail?.result = TestResult(
                    eventName: "hello-world", requestID: id, succeeded: true, functionError: nil, statusCode: 200,
                    payload: #"{"statusCode": 200, "body": "\"Hello from Lambda!\""}"#,
                    logLines: ["START RequestId: \(id) Version: $LATEST",
                               #"Received event: {"key1": "value1", "key2": "value2", "key3": "value3"}"#,
                               "END RequestId: \(id)", report],
                    report: InvocationReport.parse(report.replacingOccurrences(of: "  ", with: "\t")))
            }
        }
    }

    @Test func testTabFailedResult() throws {
        try golden("testTabFailedResult") { f in
            try sample(f)
            f.open("image-resizer", tab: .test)
            let id = Self.failedRequest
            let report = "REPORT RequestId: \(id)  Duration: 3.02 ms  Billed Duration: 4 ms  Memory Size: 128 MB  Max Memory Used: 40 MB"
            f.harness.update {
                $0.functions.detail?.result = TestResult(
                    eventName: "hello-world", requestID: id, succeeded: false, functionError: "Unhandled", statusCode: 200,
                    payload: #"{"errorMessage": "'Records'", "errorType": "KeyError", "requestId": "\#(id)", "stackTrace": ["  File \"/var/task/lambda_function.py\", line 7, in lambda_handler\n    records = event[\"Records\"]\n"]}"#,
                    logLines: ["START RequestId: \(id) Version: $LATEST",
                               "[ERROR] KeyError: 'Records'",
                               "Traceback (most recent call last):",
                               "  File \"/var/task/lambda_function.py\", line 7, in lambda_handler",
                               "END RequestId: \(id)", report],
                    report: InvocationReport.parse(report.replacingOccurrences(of: "  ", with: "\t")))
            }
        }
    }

    @Test func triggersTab() throws {
        try golden("triggersTab") { f in
            try sample(f)
            try f.functions.addS3Trigger(function: "orders-api", bucket: "uploads", events: ["s3:ObjectCreated:*"],
                                         prefix: "in/", suffix: ".csv", caller: .root)
            f.open("orders-api", tab: .triggers)
        }
    }

    @Test func addTriggerForm() throws {
        try golden("addTriggerForm") { f in
            try sample(f)
            f.open("orders-api", tab: .triggers)
            f.harness.press("n")
            f.pinPython()
            f.harness.press("enter")
        }
    }

    @Test func invocationsTab() throws {
        try golden("invocationsTab") { f in
            try sample(f)
            f.open("orders-api", tab: .invocations)
        }
    }

    @Test func invocationsTabError() throws {
        try golden("invocationsTabError") { f in
            try sample(f)
            f.open("image-resizer", tab: .invocations)
        }
    }

    @Test func logStreamAtRequest() throws {
        try golden("logStreamAtRequest") { f in
            try sample(f)
            f.open("orders-api", tab: .invocations)
            // Newest first: the second request is the first row; open the older one.
            f.harness.press("j", "enter")
        }
    }

    @Test func helpOnTestTab() throws {
        try golden("helpOnTestTab") { f in
            try sample(f)
            f.open("orders-api", tab: .test)
            f.harness.press("?")
        }
    }
}
