import Foundation
import Testing
@testable import CloudEngine

@Suite("Functions: CreateFunction")
struct FunctionCreateTests {
    @Test("a new function reports its configuration as Lambda does")
    func create() throws {
        let test = try TestAccount()
        let config = try test.helloFunction(environment: ["STAGE": "dev"])
        #expect(config.functionName == "hello")
        #expect(config.functionARN == FunctionFixture.functionARN)
        #expect(config.runtime == "python3.12")
        #expect(config.handler == "app.handler")
        #expect(config.role == FunctionFixture.roleARN)
        #expect(config.memorySize == 128)
        #expect(config.timeout == 3)
        #expect(config.version == "$LATEST")
        #expect(config.state == "Active")
        #expect(config.environment == ["STAGE": "dev"])
        #expect(config.codeSize == FunctionFixture.handlerSource.count)
        #expect(Data(base64Encoded: config.codeSHA256)?.count == 32)
        #expect(config.lastModifiedText == "2026-01-01T00:00:00.000+0000")
        #expect(config.revisionID.count == 36)
        #expect(try test.functions.codeFiles(function: "hello", caller: .root) == ["app.py": FunctionFixture.handlerSource])
    }

    @Test("the same files always give the same CodeSha256, and other files another")
    func codeHash() throws {
        let test = try TestAccount()
        let first = try test.helloFunction("one")
        let second = try test.helloFunction("two")
        let third = try test.helloFunction("three", code: .files(["app.py": Data("x = 1\n".utf8)]))
        #expect(first.codeSHA256 == second.codeSHA256)
        #expect(first.codeSHA256 != third.codeSHA256)
    }

    @Test("a function may be named by its full ARN")
    func nameByARN() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        let config = try test.functions.createFunction(FunctionFixture.functionARN, runtime: "python3.13", handler: "app.handler",
                                                       role: FunctionFixture.roleARN, code: FunctionFixture.code, caller: .root)
        #expect(config.functionName == "hello")
        #expect(try test.functions.getFunction("hello", caller: .root).codePaths == ["app.py"])
    }

    @Test("names outside [a-zA-Z0-9-_] or over 64 characters are refused with the rule")
    func badNames() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        expectEngineError("ValidationException", 400, "Value 'my function' at 'functionName' failed to satisfy constraint",
                          "regular expression pattern") {
            try test.functions.createFunction("my function", runtime: "python3.12", handler: "app.handler",
                                              role: FunctionFixture.roleARN, code: FunctionFixture.code, caller: .root)
        }
        expectEngineError("ValidationException", 400, "Member must have length less than or equal to 64") {
            try test.functions.createFunction(String(repeating: "a", count: 65), runtime: "python3.12", handler: "app.handler",
                                              role: FunctionFixture.roleARN, code: FunctionFixture.code, caller: .root)
        }
        let sixtyFour = String(repeating: "b", count: 64)
        #expect(try test.functions.createFunction(sixtyFour, runtime: "python3.12", handler: "app.handler",
                                                  role: FunctionFixture.roleARN, code: FunctionFixture.code, caller: .root).functionName == sixtyFour)
    }

    @Test("a runtime other than python3.9 to python3.13 is refused, naming the supported ones")
    func runtimes() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        expectEngineError("InvalidParameterValueException", 400, "nodejs20.x is not supported",
                          "python3.9, python3.10, python3.11, python3.12, python3.13") {
            try test.functions.createFunction("f", runtime: "nodejs20.x", handler: "app.handler",
                                              role: FunctionFixture.roleARN, code: FunctionFixture.code, caller: .root)
        }
        expectEngineError("InvalidParameterValueException", 400, "The runtime parameter of python3.8 is no longer supported") {
            try test.functions.createFunction("f", runtime: "python3.8", handler: "app.handler",
                                              role: FunctionFixture.roleARN, code: FunctionFixture.code, caller: .root)
        }
        for runtime in ["python3.9", "python3.10", "python3.11", "python3.12", "python3.13"] {
            let name = "f" + runtime.replacingOccurrences(of: ".", with: "")
            _ = try test.functions.createFunction(name, runtime: runtime, handler: "app.handler",
                                                  role: FunctionFixture.roleARN, code: FunctionFixture.code, caller: .root)
        }
    }

    @Test("a handler must be module.function")
    func handlers() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        for bad in ["handler", "app.", ".handler", "app.1handler"] {
            expectEngineError("InvalidParameterValueException", 400, "is not in the form module.function") {
                try test.functions.createFunction("f", runtime: "python3.12", handler: bad,
                                                  role: FunctionFixture.roleARN, code: FunctionFixture.code, caller: .root)
            }
        }
        expectEngineError("ValidationException", 400, "at 'handler'") {
            try test.functions.createFunction("f", runtime: "python3.12", handler: "app handler",
                                              role: FunctionFixture.roleARN, code: FunctionFixture.code, caller: .root)
        }
        for (index, good) in ["app.handler", "pkg.mod.run", "src/app.main"].enumerated() {
            _ = try test.functions.createFunction("f\(index)", runtime: "python3.12", handler: good,
                                                  role: FunctionFixture.roleARN, code: FunctionFixture.code, caller: .root)
        }
    }

    @Test("memory is 128 to 10240 MB and timeout 1 to 900 seconds")
    func memoryAndTimeout() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        func create(memory: Int = 128, timeout: Int = 3) throws {
            try test.functions.createFunction("f", runtime: "python3.12", handler: "app.handler", role: FunctionFixture.roleARN,
                                              code: FunctionFixture.code, memorySize: memory, timeout: timeout, caller: .root)
        }
        expectEngineError("ValidationException", 400, "Value '64' at 'memorySize'", "greater than or equal to 128") { try create(memory: 64) }
        expectEngineError("InvalidParameterValueException", 400, "'MemorySize' value failed to satisfy constraint: Member must have value less than or equal to 10240") {
            try create(memory: 10_241)
        }
        expectEngineError("ValidationException", 400, "Value '0' at 'timeout'") { try create(timeout: 0) }
        expectEngineError("ValidationException", 400, "Value '901' at 'timeout'", "less than or equal to 900") { try create(timeout: 901) }
        try create(memory: 10_240, timeout: 900)
    }

    @Test("descriptions are at most 256 characters")
    func description() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        expectEngineError("ValidationException", 400, "at 'description'", "less than or equal to 256") {
            try test.functions.createFunction("f", runtime: "python3.12", handler: "app.handler", role: FunctionFixture.roleARN,
                                              code: FunctionFixture.code, description: String(repeating: "d", count: 257), caller: .root)
        }
    }

    @Test("environment keys follow Lambda's pattern, reserved keys are refused, and the total is 4 KB")
    func environment() throws {
        let test = try TestAccount()
        expectEngineError("ValidationException", 400, "at 'environment.variables'", "[a-zA-Z]([a-zA-Z0-9_])+") {
            try test.helloFunction(environment: ["1BAD": "x"])
        }
        expectEngineError("ValidationException", 400, "at 'environment.variables'") {
            try test.helloFunction(environment: ["X": "one letter is too short for the pattern"])
        }
        expectEngineError("InvalidParameterValueException", 400, "contains reserved keys", "Reserved keys used in this request: AWS_REGION") {
            try test.helloFunction(environment: ["AWS_REGION": "eu-west-1", "OK": "1"])
        }
        expectEngineError("InvalidParameterValueException", 400, "exceeded the 4KB limit") {
            try test.helloFunction(environment: ["BIG": String(repeating: "v", count: 4100)])
        }
        #expect(try test.helloFunction(environment: ["BIG": String(repeating: "v", count: 4000)]).environment["BIG"]?.count == 4000)
    }

    @Test("a second function of the same name is a ResourceConflictException")
    func duplicate() throws {
        let test = try TestAccount()
        try test.helloFunction()
        expectEngineError("ResourceConflictException", 409, "Function already exist: hello") { try test.helloFunction() }
    }

    @Test("code needs at least one file with a clean relative path")
    func codeRules() throws {
        let test = try TestAccount()
        expectEngineError("InvalidParameterValueException", 400, "The deployment package is empty") {
            try test.helloFunction(code: .files([:]))
        }
        expectEngineError("InvalidParameterValueException", 400, "unusable path \"../escape.py\"") {
            try test.helloFunction(code: .files(["../escape.py": Data()]))
        }
    }

    @Test("code over 250 MB unzipped, or over the account's code storage, is refused")
    func codeLimits() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        var limits = FunctionLimits()
        limits.unzippedCodeBytes = 100
        let small = FunctionsService(account: test.account, limits: limits)
        expectEngineError("InvalidParameterValueException", 400, "Unzipped size must be smaller than 100 bytes") {
            try small.createFunction("f", runtime: "python3.12", handler: "app.handler", role: FunctionFixture.roleARN,
                                     code: .files(["app.py": Data(count: 101)]), caller: .root)
        }
        limits = FunctionLimits()
        limits.codeStorageBytes = 150
        let tight = FunctionsService(account: test.account, limits: limits)
        try tight.createFunction("a", runtime: "python3.12", handler: "app.handler", role: FunctionFixture.roleARN,
                                 code: .files(["app.py": Data(count: 100)]), caller: .root)
        expectEngineError("CodeStorageExceededException", 400, "Code storage limit exceeded.") {
            try tight.createFunction("b", runtime: "python3.12", handler: "app.handler", role: FunctionFixture.roleARN,
                                     code: .files(["app.py": Data(count: 100)]), caller: .root)
        }
    }
}
