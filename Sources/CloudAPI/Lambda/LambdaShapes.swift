import CloudEngine
import Foundation
import IAMPolicy

/// The engine's values as Lambda's JSON shapes write them (member names from botocore's `lambda` model).
enum LambdaShapes {
    /// `FunctionConfiguration`. `layerSizes` gives each layer version's `CodeSize` where the caller may read it.
    static func configuration(_ c: FunctionConfiguration, layerSizes: [String: Int] = [:]) -> [String: Any] {
        var shape: [String: Any] = [
            "FunctionName": c.functionName,
            "FunctionArn": c.functionARN,
            "Runtime": c.runtime,
            "Role": c.role,
            "Handler": c.handler,
            "CodeSize": c.codeSize,
            "Description": c.description,
            "Timeout": c.timeout,
            "MemorySize": c.memorySize,
            "LastModified": c.lastModifiedText,
            "CodeSha256": c.codeSHA256,
            "Version": c.version,
            "TracingConfig": ["Mode": "PassThrough"],
            "RevisionId": c.revisionID,
            "State": c.state,
            "LastUpdateStatus": "Successful",
            "PackageType": "Zip",
            "Architectures": ["x86_64"],
            "EphemeralStorage": ["Size": c.ephemeralStorageSize],
            "SnapStart": ["ApplyOn": "None", "OptimizationStatus": "Off"],
            "LoggingConfig": ["LogFormat": "Text", "LogGroup": "/aws/lambda/\(c.functionName)"],
        ]
        if !c.environment.isEmpty { shape["Environment"] = ["Variables": c.environment] }
        if !c.layers.isEmpty {
            shape["Layers"] = c.layers.map { ["Arn": $0, "CodeSize": layerSizes[$0] ?? 0] as [String: Any] }
        }
        return shape
    }

    /// `LayerVersionsListItem`.
    static func layerVersionItem(_ layer: LayerVersion) -> [String: Any] {
        var shape: [String: Any] = [
            "LayerVersionArn": layer.layerVersionARN,
            "Version": layer.version,
            "Description": layer.description,
            "CreatedDate": UTCTimestamp(layer.createdDate).lambdaLastModified,
            "CompatibleRuntimes": layer.compatibleRuntimes,
        ]
        if let license = layer.licenseInfo { shape["LicenseInfo"] = license }
        return shape
    }

    /// `GetLayerVersionResponse` / `PublishLayerVersionResponse`.
    static func layerVersion(_ layer: LayerVersion) -> [String: Any] {
        var shape = layerVersionItem(layer)
        shape["LayerArn"] = layer.layerARN
        shape["Content"] = ["CodeSha256": layer.codeSHA256, "CodeSize": layer.codeSize] as [String: Any]
        return shape
    }

    /// `FunctionUrlConfig` with its address on this endpoint.
    static func urlConfig(_ config: FunctionURLConfig, url: String) -> [String: Any] {
        var shape: [String: Any] = [
            "FunctionUrl": url,
            "FunctionArn": config.functionARN,
            "AuthType": config.authType,
            "InvokeMode": config.invokeMode,
            "CreationTime": UTCTimestamp(config.creationTime).iso8601Milliseconds,
            "LastModifiedTime": UTCTimestamp(config.lastModifiedTime).iso8601Milliseconds,
        ]
        if let cors = config.cors, let value = try? JSONSerialization.jsonObject(with: Data(cors.utf8)) {
            shape["Cors"] = value
        }
        return shape
    }
}
