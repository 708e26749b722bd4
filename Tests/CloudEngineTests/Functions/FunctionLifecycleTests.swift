import Foundation
import Testing
@testable import CloudEngine

@Suite("Functions: reading, updating and deleting")
struct FunctionLifecycleTests {
    @Test("ListFunctions lists every function by name")
    func list() throws {
        let test = try TestAccount()
        try test.helloFunction("zeta")
        try test.helloFunction("alpha")
        #expect(try test.functions.listFunctions(caller: .root).map(\.functionName) == ["alpha", "zeta"])
    }

    @Test("a missing function is ResourceNotFoundException with Lambda's message")
    func notFound() throws {
        let test = try TestAccount()
        expectEngineError("ResourceNotFoundException", 404, "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope") {
            try test.functions.getFunction("nope", caller: .root)
        }
        expectEngineError("ResourceNotFoundException", 404, "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope") {
            try test.functions.deleteFunction("nope", caller: .root)
        }
        try test.helloFunction()
        expectEngineError("ResourceNotFoundException", 404, "Function not found: \(FunctionFixture.functionARN):7") {
            try test.functions.getFunctionConfiguration("hello", qualifier: "7", caller: .root)
        }
    }

    @Test("UpdateFunctionConfiguration changes only what it sets, with a new revision id")
    func updateConfiguration() throws {
        let test = try TestAccount()
        let before = try test.helloFunction(environment: ["FIRST": "1"])
        test.clock.advance(by: 60)
        let after = try test.functions.updateFunctionConfiguration(
            "hello", settings: FunctionSettings(memorySize: 512, timeout: 30, environment: ["SECOND": "2"]), caller: .root)
        #expect(after.memorySize == 512)
        #expect(after.timeout == 30)
        #expect(after.environment == ["SECOND": "2"])
        #expect(after.handler == before.handler)
        #expect(after.codeSHA256 == before.codeSHA256)
        #expect(after.revisionID != before.revisionID)
        #expect(after.lastModified == before.lastModified.addingTimeInterval(60))
        expectEngineError("ValidationException", 400, "at 'timeout'") {
            try test.functions.updateFunctionConfiguration("hello", settings: FunctionSettings(timeout: 1000), caller: .root)
        }
    }

    @Test("UpdateFunctionCode replaces the files, with a new CodeSha256 and revision id")
    func updateCode() throws {
        let test = try TestAccount()
        let before = try test.helloFunction()
        let newFiles: [String: Data] = ["app.py": Data("def handler(e, c):\n    return 2\n".utf8), "lib/util.py": Data("X = 1\n".utf8)]
        let after = try test.functions.updateFunctionCode("hello", code: .files(newFiles), caller: .root)
        #expect(after.codeSHA256 != before.codeSHA256)
        #expect(after.revisionID != before.revisionID)
        #expect(after.codeSize == newFiles.values.reduce(0) { $0 + $1.count })
        #expect(try test.functions.codeFiles(function: "hello", caller: .root) == newFiles)
        #expect(try test.functions.getFunction("hello", caller: .root).codePaths == ["app.py", "lib/util.py"])
    }

    @Test("DeleteFunction removes the function, its code and its records")
    func delete() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.functions.publishVersion("hello", caller: .root)
        try test.functions.deleteFunction("hello", caller: .root)
        #expect(try test.functions.listFunctions(caller: .root).isEmpty)
        #expect(try test.count("SELECT COUNT(*) FROM function_code_files") == 0)
        #expect(try test.count("SELECT COUNT(*) FROM function_versions") == 0)
        try test.helloFunction()
    }

    @Test("deleting a version keeps the function; $LATEST cannot be deleted on its own")
    func deleteVersion() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.functions.publishVersion("hello", caller: .root)
        try test.functions.deleteFunction("hello", qualifier: "1", caller: .root)
        #expect(try test.functions.listVersionsByFunction("hello", caller: .root).map(\.version) == ["$LATEST"])
        expectEngineError("InvalidParameterValueException", 400, "$LATEST version cannot be deleted without deleting the function.") {
            try test.functions.deleteFunction("hello", qualifier: "$LATEST", caller: .root)
        }
    }

    @Test("each call is authorized with Lambda's action on the function ARN")
    func authorization() throws {
        let test = try TestAccount()
        try test.helloFunction()
        let reader = try test.user("reader", policies: [IAMDoc.allow("lambda:GetFunction", "lambda:ListFunctions")])
        #expect(try test.functions.getFunction("hello", caller: reader).configuration.functionName == "hello")
        #expect(try test.functions.listFunctions(caller: reader).count == 1)
        expectEngineError("AccessDenied", 403, "lambda:GetFunctionConfiguration", FunctionFixture.functionARN) {
            try test.functions.getFunctionConfiguration("hello", caller: reader)
        }
        expectEngineError("AccessDenied", 403, "lambda:DeleteFunction", FunctionFixture.functionARN) {
            try test.functions.deleteFunction("hello", caller: reader)
        }
        expectEngineError("AccessDenied", 403, "lambda:UpdateFunctionCode") {
            try test.functions.updateFunctionCode("hello", code: FunctionFixture.code, caller: reader)
        }
    }

    @Test("a function of another account or region is not found here")
    func otherAccount() throws {
        let test = try TestAccount()
        try test.helloFunction()
        expectEngineError("ResourceNotFoundException", 404, "Function not found: arn:aws:lambda:us-east-1:999999999999:function:hello") {
            try test.functions.getFunction("arn:aws:lambda:us-east-1:999999999999:function:hello", caller: .root)
        }
        #expect(try test.functions.getFunction("123456789012:function:hello", caller: .root).configuration.functionName == "hello")
    }
}
