import Foundation
import Testing
@testable import CloudEngine

/// An invocation whose init failed was a cold start: its record keeps the init phase's duration, so the
/// Invocations tab never lists it as warm.
@Suite("Functions invoke: the init phase in the record")
struct FunctionsInvokeInitRecordTests {
    @Test("A failed init is recorded with its init duration; a warm invocation has none")
    func failedInitIsCold() throws {
        let env = try TestAccount()
        defer { env.removeCodeCache(); env.account.functionRuntime.shutdown() }
        try env.function("broken", source: "import no_such_module\n\ndef handler(event, context):\n    return 1\n")
        let response = try env.functions.invoke("broken", payload: Data("{}".utf8), caller: .root)
        #expect(response.functionError == "Unhandled")
        let failed = try #require(try env.functions.invocations(function: "broken", caller: .root).first)
        #expect(failed.errorType == "Runtime.ImportModuleError")
        #expect(failed.initDurationMs != nil, "an init that failed is a cold start")

        try env.function("fine", source: InvokeFixture.helloSource)
        _ = try env.functions.invoke("fine", payload: Data("{}".utf8), caller: .root)
        _ = try env.functions.invoke("fine", payload: Data("{}".utf8), caller: .root)
        let records = try env.functions.invocations(function: "fine", caller: .root)
        #expect(records.map { $0.initDurationMs == nil } == [true, false], "newest first: warm, then cold")
    }
}
