import Foundation
import Testing
@testable import CloudEngine

/// `EphemeralStorage.Size`: the function's /tmp, 512 MB by default, 512 to 10,240, kept by versions and
/// enforced on the worker.
@Suite("Functions: ephemeral storage")
struct FunctionEphemeralStorageTests {
    @Test("A function's /tmp is 512 MB unless set; 512 to 10240 MB, with Lambda's validation errors")
    func bounds() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        let plain = try test.helloFunction("plain")
        #expect(plain.ephemeralStorageSize == 512)
        func create(_ size: Int) throws -> FunctionConfiguration {
            try test.functions.createFunction("f\(size)", runtime: "python3.12", handler: "app.handler", role: FunctionFixture.roleARN,
                                              code: FunctionFixture.code, ephemeralStorageSize: size, caller: .root)
        }
        expectEngineError("ValidationException", 400, "Value '511' at 'ephemeralStorage.size'", "greater than or equal to 512") {
            try create(511)
        }
        expectEngineError("ValidationException", 400, "Value '10241' at 'ephemeralStorage.size'", "less than or equal to 10240") {
            try create(10_241)
        }
        #expect(try create(10_240).ephemeralStorageSize == 10_240)
    }

    @Test("UpdateFunctionConfiguration sets it, a published version keeps it, and a new size makes a new version")
    func updateAndPublish() throws {
        let test = try TestAccount()
        try test.helloFunction("hello")
        let updated = try test.functions.updateFunctionConfiguration("hello", settings: FunctionSettings(ephemeralStorageSize: 1_024),
                                                                     caller: .root)
        #expect(updated.ephemeralStorageSize == 1_024)
        let first = try test.functions.publishVersion("hello", caller: .root)
        #expect(first.ephemeralStorageSize == 1_024)
        try test.functions.updateFunctionConfiguration("hello", settings: FunctionSettings(ephemeralStorageSize: 2_048), caller: .root)
        let second = try test.functions.publishVersion("hello", caller: .root)
        #expect(second.version != first.version)
        #expect(try test.functions.getFunctionConfiguration("hello", qualifier: first.version, caller: .root).ephemeralStorageSize == 1_024)
    }

    @Test("The worker's largest file is the function's ephemeral storage", .enabled(if: WorkerSandbox.status.isAvailable))
    func enforced() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache(); test.account.functionRuntime.shutdown() }
        let source = "import resource\n\ndef handler(event, context):\n    return resource.getrlimit(resource.RLIMIT_FSIZE)[1]\n"
        try test.helloFunction("sized", code: .files(["app.py": Data(source.utf8)]))
        try test.functions.updateFunctionConfiguration("sized", settings: FunctionSettings(ephemeralStorageSize: 600), caller: .root)
        let response = try test.functions.invoke("sized", payload: Data("{}".utf8), caller: .root)
        #expect(String(decoding: response.payload, as: UTF8.self) == String(600 * 1_048_576))
    }
}
