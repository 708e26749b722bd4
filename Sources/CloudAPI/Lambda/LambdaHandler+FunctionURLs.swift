import CloudEngine
import Foundation

extension LambdaHandler {
    // MARK: - Function URL configurations

    func createURL(_ name: String) throws -> APIResponse {
        let input = try body
        let config = try functions.createFunctionURLConfig(function: name, qualifier: qualifier,
                                                           authType: try input.requiredString("AuthType"),
                                                           cors: try input.text("Cors"), invokeMode: try input.string("InvokeMode"),
                                                           caller: caller)
        var shape = urlShape(config)
        shape["LastModifiedTime"] = nil
        return json(shape, status: 201)
    }

    func getURL(_ name: String) throws -> APIResponse {
        json(urlShape(try functions.getFunctionURLConfig(function: name, qualifier: qualifier, caller: caller)))
    }

    func updateURL(_ name: String) throws -> APIResponse {
        let input = try body
        let config = try functions.updateFunctionURLConfig(function: name, qualifier: qualifier, authType: try input.string("AuthType"),
                                                           cors: try input.text("Cors"), invokeMode: try input.string("InvokeMode"),
                                                           caller: caller)
        return json(urlShape(config))
    }

    func deleteURL(_ name: String) throws -> APIResponse {
        try functions.deleteFunctionURLConfig(function: name, qualifier: qualifier, caller: caller)
        return LambdaJSON.empty(requestID: requestID)
    }

    func listURLs(_ name: String) throws -> APIResponse {
        let all = try functions.listFunctionURLConfigs(function: name, caller: caller)
        let (items, next) = try page(all)
        var shape: [String: Any] = ["FunctionUrlConfigs": items.map(urlShape)]
        if let next { shape["NextMarker"] = next }
        return json(shape)
    }

    func urlShape(_ config: FunctionURLConfig) -> [String: Any] {
        LambdaShapes.urlConfig(config, url: FunctionURLAddress.url(id: config.urlID, region: account.region,
                                                                    host: request.header("host")))
    }
}
