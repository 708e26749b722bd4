import CloudEngine
import Foundation

extension LambdaHandler {
    // MARK: - Layers

    func publishLayerVersion(_ name: String) throws -> APIResponse {
        let input = try body
        guard let content = try input.nested("Content") else { throw EngineError.invalidParameterValue("Content is required.") }
        let layer = try functions.publishLayerVersion(name, content: try functionCode(content),
                                                      description: try input.string("Description") ?? "",
                                                      compatibleRuntimes: try input.strings("CompatibleRuntimes") ?? [],
                                                      licenseInfo: try input.string("LicenseInfo"), caller: caller)
        return json(LambdaShapes.layerVersion(layer), status: 201)
    }

    func listLayers() throws -> APIResponse {
        let all = try functions.listLayers(caller: caller)
        let (items, next) = try page(all)
        var shape: [String: Any] = ["Layers": items.map { layer in
            ["LayerName": layer.layerName, "LayerArn": layer.layerARN,
             "LatestMatchingVersion": LambdaShapes.layerVersionItem(layer)] as [String: Any]
        }]
        if let next { shape["NextMarker"] = next }
        return json(shape)
    }

    func listLayerVersions(_ name: String) throws -> APIResponse {
        let all = try functions.listLayerVersions(name, caller: caller)
        let (items, next) = try page(all)
        var shape: [String: Any] = ["LayerVersions": items.map(LambdaShapes.layerVersionItem)]
        if let next { shape["NextMarker"] = next }
        return json(shape)
    }

    func getLayerVersion(_ name: String, _ version: Int) throws -> APIResponse {
        json(LambdaShapes.layerVersion(try functions.getLayerVersion(name, version: version, caller: caller)))
    }

    func getLayerVersionByARN() throws -> APIResponse {
        guard let arn = request.query["Arn"] else { throw EngineError.invalidParameterValue("Arn is required.") }
        return json(LambdaShapes.layerVersion(try functions.getLayerVersion(arn: arn, caller: caller)))
    }

    func deleteLayerVersion(_ name: String, _ version: Int) throws -> APIResponse {
        try functions.deleteLayerVersion(name, version: version, caller: caller)
        return LambdaJSON.empty(requestID: requestID)
    }
}
