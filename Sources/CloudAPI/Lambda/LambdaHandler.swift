import CloudEngine
import Foundation

/// Answers one authenticated Lambda request: decodes it, calls `account.functions` as the caller, encodes.
struct LambdaHandler {
    let account: Account
    let request: APIRequest
    let caller: Caller
    let requestID: String

    var functions: FunctionsService { account.functions }

    func handle(_ route: LambdaRoute) throws -> APIResponse {
        switch route {
        case .listFunctions: return try listFunctions()
        case .createFunction: return try createFunction()
        case .getFunction(let name): return try getFunction(name)
        case .deleteFunction(let name): return try deleteFunction(name)
        case .getConfiguration(let name): return try getConfiguration(name)
        case .updateConfiguration(let name): return try updateConfiguration(name)
        case .updateCode(let name): return try updateCode(name)
        case .invoke(let name): return try invoke(name)
        case .listVersions(let name): return try listVersions(name)
        case .publishVersion(let name): return try publishVersion(name)
        case .getPolicy(let name): return try getPolicy(name)
        case .addPermission(let name): return try addPermission(name)
        case .removePermission(let name, let sid): return try removePermission(name, statementID: sid)
        case .listLayers: return try listLayers()
        case .getLayerVersionByARN: return try getLayerVersionByARN()
        case .listLayerVersions(let name): return try listLayerVersions(name)
        case .publishLayerVersion(let name): return try publishLayerVersion(name)
        case .getLayerVersion(let name, let version): return try getLayerVersion(name, version)
        case .deleteLayerVersion(let name, let version): return try deleteLayerVersion(name, version)
        case .createURL(let name): return try createURL(name)
        case .getURL(let name): return try getURL(name)
        case .updateURL(let name): return try updateURL(name)
        case .deleteURL(let name): return try deleteURL(name)
        case .listURLs(let name): return try listURLs(name)
        }
    }

    // MARK: - Shared

    var body: LambdaJSON {
        get throws { try LambdaJSON(request.body) }
    }

    var qualifier: String? {
        request.query["Qualifier"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func json(_ object: Any, status: Int = 200) -> APIResponse {
        LambdaJSON.response(object, status: status, requestID: requestID)
    }

    /// A page of `items` after `Marker` (an index this endpoint handed out), `MaxItems` long (1-`limit`, default `limit`).
    func page<T>(_ items: [T], limit: Int = 50) throws -> (items: ArraySlice<T>, nextMarker: String?) {
        let query = request.query
        var size = limit
        if let text = query["MaxItems"] {
            guard let value = Int(text), value >= 1, value <= 10_000 else {
                throw EngineError.invalidParameterValue("MaxItems must be between 1 and 10000.")
            }
            size = value
        }
        var start = 0
        if let marker = query["Marker"], !marker.isEmpty {
            guard let value = Int(marker), value >= 0 else { throw EngineError.invalidParameterValue("Invalid Marker: \(marker)") }
            start = min(value, items.count)
        }
        let end = min(items.count, start + size)
        return (items[start..<end], end < items.count ? String(end) : nil)
    }

    /// The `CodeSize` of each layer version the caller may read, for `FunctionConfiguration.Layers`.
    func layerSizes(_ configurations: [FunctionConfiguration]) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for arn in Set(configurations.flatMap(\.layers)) {
            if let layer = try? functions.getLayerVersion(arn: arn, caller: caller) { sizes[arn] = layer.codeSize }
        }
        return sizes
    }

    func configurationShape(_ configuration: FunctionConfiguration) -> [String: Any] {
        LambdaShapes.configuration(configuration, layerSizes: layerSizes([configuration]))
    }
}
