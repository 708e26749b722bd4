import Foundation
import Testing
@testable import CloudEngine

@Suite("Functions: versions")
struct FunctionVersionTests {
    @Test("PublishVersion numbers versions 1, 2, ... and freezes configuration and code")
    func publish() throws {
        let test = try TestAccount()
        try test.helloFunction()
        let one = try test.functions.publishVersion("hello", description: "first", caller: .root)
        #expect(one.version == "1")
        #expect(one.functionARN == FunctionFixture.functionARN + ":1")
        #expect(one.description == "first")
        try test.functions.updateFunctionCode("hello", code: .files(["app.py": Data("v2".utf8)]), caller: .root)
        try test.functions.updateFunctionConfiguration("hello", settings: FunctionSettings(timeout: 10), caller: .root)
        let two = try test.functions.publishVersion("hello", caller: .root)
        #expect(two.version == "2")
        #expect(two.timeout == 10)
        #expect(try test.functions.getFunctionConfiguration("hello", qualifier: "1", caller: .root).timeout == 3)
        #expect(try test.functions.codeFiles(function: "hello", version: "1", caller: .root) == ["app.py": FunctionFixture.handlerSource])
        #expect(try test.functions.codeFiles(function: "hello", version: "2", caller: .root) == ["app.py": Data("v2".utf8)])
        #expect(try test.functions.getFunction("hello:2", caller: .root).configuration.version == "2")
        #expect(try test.functions.listVersionsByFunction("hello", caller: .root).map(\.version) == ["$LATEST", "1", "2"])
    }

    @Test("publishing again without a change returns the last version")
    func unchanged() throws {
        let test = try TestAccount()
        try test.helloFunction()
        #expect(try test.functions.publishVersion("hello", caller: .root).version == "1")
        #expect(try test.functions.publishVersion("hello", caller: .root).version == "1")
    }

    @Test("version numbers are not reused after a version is deleted")
    func noReuse() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.functions.publishVersion("hello", caller: .root)
        try test.functions.deleteFunction("hello", qualifier: "1", caller: .root)
        #expect(try test.functions.publishVersion("hello", caller: .root).version == "2")
    }

    @Test("CreateFunction with publish returns version 1; a stale CodeSha256 refuses to publish")
    func publishOnCreate() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        let created = try test.functions.createFunction("hello", runtime: "python3.12", handler: "app.handler", role: FunctionFixture.roleARN,
                                                        code: FunctionFixture.code, publish: true, caller: .root)
        #expect(created.version == "1")
        expectEngineError("InvalidParameterValueException", 400, "CodeSHA256 (stale) is different from current CodeSHA256 in $LATEST") {
            try test.functions.publishVersion("hello", codeSHA256: "stale", caller: .root)
        }
    }
}

@Suite("Functions: layers")
struct FunctionLayerTests {
    static let package: [String: Data] = ["python/helpers/__init__.py": Data("def greet():\n    return 'hi'\n".utf8)]

    @Test("PublishLayerVersion numbers versions and GetLayerVersion reads them back")
    func publish() throws {
        let test = try TestAccount()
        let one = try test.functions.publishLayerVersion("helpers", files: Self.package, description: "shared code",
                                                         compatibleRuntimes: ["python3.12"], caller: .root)
        #expect(one.version == 1)
        #expect(one.layerVersionARN == "arn:aws:lambda:us-east-1:123456789012:layer:helpers:1")
        #expect(one.layerARN == "arn:aws:lambda:us-east-1:123456789012:layer:helpers")
        #expect(one.codeSize == Self.package.values.first!.count)
        let two = try test.functions.publishLayerVersion("helpers", files: Self.package, caller: .root)
        #expect(two.version == 2)
        #expect(try test.functions.getLayerVersion("helpers", version: 1, caller: .root) == one)
        #expect(try test.functions.getLayerVersion(arn: one.layerVersionARN, caller: .root) == one)
        #expect(try test.functions.listLayerVersions("helpers", caller: .root).map(\.version) == [2, 1])
    }

    @Test("a deleted layer version is gone from listings, its number is not reused, and functions keep its files")
    func delete() throws {
        let test = try TestAccount()
        let one = try test.functions.publishLayerVersion("helpers", files: Self.package, caller: .root)
        try test.helloFunction(layers: [one.layerVersionARN])
        try test.functions.deleteLayerVersion("helpers", version: 1, caller: .root)
        try test.functions.deleteLayerVersion("helpers", version: 1, caller: .root)
        expectEngineError("ResourceNotFoundException", 404, "The resource you requested does not exist.") {
            try test.functions.getLayerVersion("helpers", version: 1, caller: .root)
        }
        #expect(try test.functions.listLayerVersions("helpers", caller: .root).isEmpty)
        #expect(try test.functions.publishLayerVersion("helpers", files: Self.package, caller: .root).version == 2)
        let plan = try test.functions.prepareInvocation("hello", caller: .root)
        #expect(plan.layers == [LayerContent(layerVersionARN: one.layerVersionARN, files: Self.package)])
    }

    @Test("functions reference at most 5 existing layer versions, one version per layer")
    func functionLayers() throws {
        let test = try TestAccount()
        let arn = try test.functions.publishLayerVersion("helpers", files: Self.package, caller: .root).layerVersionARN
        expectEngineError("InvalidParameterValueException", 400, "Layer version arn:aws:lambda:us-east-1:123456789012:layer:helpers:9 does not exist.") {
            try test.helloFunction(layers: ["arn:aws:lambda:us-east-1:123456789012:layer:helpers:9"])
        }
        let six = (1...6).map { "arn:aws:lambda:us-east-1:123456789012:layer:l\($0):1" }
        expectEngineError("InvalidParameterValueException", 400, "Cannot reference more than 5 layers.") {
            try test.helloFunction(layers: six)
        }
        expectEngineError("ValidationException", 400, "at 'layers'") { try test.helloFunction(layers: ["helpers"]) }
        let two = try test.functions.publishLayerVersion("helpers", files: Self.package, caller: .root).layerVersionARN
        expectEngineError("InvalidParameterValueException", 400, "Two different versions of the same layer") {
            try test.helloFunction(layers: [arn, two])
        }
        #expect(try test.helloFunction(layers: [arn]).layers == [arn])
    }

    @Test("layer names and compatible runtimes are checked")
    func layerRules() throws {
        let test = try TestAccount()
        expectEngineError("ValidationException", 400, "at 'layerName'") {
            try test.functions.publishLayerVersion("bad name", files: Self.package, caller: .root)
        }
        expectEngineError("InvalidParameterValueException", 400, "java21 is not supported") {
            try test.functions.publishLayerVersion("helpers", files: Self.package, compatibleRuntimes: ["java21"], caller: .root)
        }
        expectEngineError("InvalidParameterValueException", 400, "The layer is empty") {
            try test.functions.publishLayerVersion("helpers", files: [:], caller: .root)
        }
    }
}
