import CloudEngine
import Foundation

extension LambdaHandler {
    // MARK: - Functions

    func listFunctions() throws -> APIResponse {
        let all = try functions.listFunctions(caller: caller)
        let (items, next) = try page(all)
        let sizes = layerSizes(Array(items))
        var shape: [String: Any] = ["Functions": items.map { LambdaShapes.configuration($0, layerSizes: sizes) }]
        if let next { shape["NextMarker"] = next }
        return json(shape)
    }

    func createFunction() throws -> APIResponse {
        let input = try body
        if let packageType = try input.string("PackageType"), packageType != "Zip" {
            throw EngineError.invalidParameterValue("Overcast runs .zip packages only: PackageType \(packageType) is not supported.")
        }
        try checkArchitectures(input)
        guard let code = try input.nested("Code") else { throw EngineError.invalidParameterValue("Code is required.") }
        let created = try functions.createFunction(
            try input.requiredString("FunctionName"), runtime: try input.requiredString("Runtime"),
            handler: try input.requiredString("Handler"), role: try input.requiredString("Role"),
            code: try functionCode(code), memorySize: try input.int("MemorySize") ?? 128, timeout: try input.int("Timeout") ?? 3,
            description: try input.string("Description") ?? "",
            environment: try input.nested("Environment")?.stringMap("Variables") ?? [:],
            layers: try input.strings("Layers") ?? [],
            ephemeralStorageSize: try input.nested("EphemeralStorage")?.int("Size") ?? 512,
            publish: try input.bool("Publish") ?? false, caller: caller)
        return json(configurationShape(created), status: 201)
    }

    func getFunction(_ name: String) throws -> APIResponse {
        let details = try functions.getFunction(name, qualifier: qualifier, caller: caller)
        return json(["Configuration": configurationShape(details.configuration),
                     "Code": ["RepositoryType": "S3"]] as [String: Any])
    }

    func getConfiguration(_ name: String) throws -> APIResponse {
        json(configurationShape(try functions.getFunctionConfiguration(name, qualifier: qualifier, caller: caller)))
    }

    func deleteFunction(_ name: String) throws -> APIResponse {
        try functions.deleteFunction(name, qualifier: qualifier, caller: caller)
        return LambdaJSON.empty(requestID: requestID)
    }

    func updateConfiguration(_ name: String) throws -> APIResponse {
        let input = try body
        let settings = FunctionSettings(
            runtime: try input.string("Runtime"), handler: try input.string("Handler"), role: try input.string("Role"),
            memorySize: try input.int("MemorySize"), timeout: try input.int("Timeout"), description: try input.string("Description"),
            environment: try input.nested("Environment").map { try $0.stringMap("Variables") ?? [:] },
            layers: try input.strings("Layers"), ephemeralStorageSize: try input.nested("EphemeralStorage")?.int("Size"))
        return json(configurationShape(try functions.updateFunctionConfiguration(name, settings: settings, caller: caller)))
    }

    func updateCode(_ name: String) throws -> APIResponse {
        let input = try body
        try checkArchitectures(input)
        let updated = try functions.updateFunctionCode(name, code: try functionCode(input), publish: try input.bool("Publish") ?? false,
                                                       caller: caller)
        return json(configurationShape(updated))
    }

    // MARK: - Versions

    func listVersions(_ name: String) throws -> APIResponse {
        let all = try functions.listVersionsByFunction(name, caller: caller)
        let (items, next) = try page(all)
        let sizes = layerSizes(Array(items))
        var shape: [String: Any] = ["Versions": items.map { LambdaShapes.configuration($0, layerSizes: sizes) }]
        if let next { shape["NextMarker"] = next }
        return json(shape)
    }

    func publishVersion(_ name: String) throws -> APIResponse {
        let input = try body
        let published = try functions.publishVersion(name, description: try input.string("Description"),
                                                     codeSHA256: try input.string("CodeSha256"),
                                                     revisionID: try input.string("RevisionId"), caller: caller)
        return json(configurationShape(published), status: 201)
    }

    // MARK: - Code

    /// `ZipFile` (base64 in the JSON body) or `S3Bucket` + `S3Key` (read from the account as the caller).
    func functionCode(_ input: LambdaJSON) throws -> FunctionCode {
        if let zip = try input.string("ZipFile") {
            guard let data = Data(base64Encoded: zip) else {
                throw EngineError.invalidParameterValue("Could not unzip uploaded file. Please check your file, then try to upload again. (ZipFile is not base64)")
            }
            return .zip(data)
        }
        if let bucket = try input.string("S3Bucket") {
            guard let key = try input.string("S3Key") else { throw EngineError.invalidParameterValue("S3Key is required with S3Bucket.") }
            do {
                return .zip(try account.storage.getObjectData(bucket: bucket, key: key, caller: caller))
            } catch let error as EngineError {
                throw EngineError.invalidParameterValue(
                    "Error occurred while GetObject. S3 Error Code: \(error.code). S3 Error Message: \(error.message)")
            }
        }
        if try input.string("ImageUri") != nil {
            throw EngineError.invalidParameterValue("Overcast runs .zip packages only: container images (ImageUri) are not supported.")
        }
        throw EngineError.invalidParameterValue("Please provide a source for function code.")
    }

    /// Functions run on this machine; the API accepts one architecture, as Lambda does, and reports x86_64.
    func checkArchitectures(_ input: LambdaJSON) throws {
        guard let architectures = try input.strings("Architectures") else { return }
        if architectures.count != 1 || !["x86_64", "arm64"].contains(architectures[0]) {
            throw EngineError.lambdaValidationError(member: "architectures", value: "[" + architectures.joined(separator: ", ") + "]",
                                                    constraint: "Member must have length less than or equal to 1")
        }
    }
}

extension EngineError {
    /// Lambda's ValidationException for one member.
    static func lambdaValidationError(member: String, value: String, constraint: String) -> EngineError {
        EngineError(code: "ValidationException", httpStatus: 400,
                    message: "1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy constraint: \(constraint)")
    }
}
