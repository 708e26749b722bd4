import Foundation

/// Which Lambda operation a request is, from its method and path (botocore's `requestUri`s), with the
/// path's parameters percent-decoded (a function named by ARN arrives as `arn%3Aaws%3A…`).
enum LambdaRoute: Equatable {
    case listFunctions, createFunction
    case getFunction(String), deleteFunction(String)
    case getConfiguration(String), updateConfiguration(String), updateCode(String)
    case invoke(String)
    case listVersions(String), publishVersion(String)
    case getPolicy(String), addPermission(String), removePermission(String, statementID: String)
    case listLayers, getLayerVersionByARN
    case listLayerVersions(String), publishLayerVersion(String)
    case getLayerVersion(String, Int), deleteLayerVersion(String, Int)
    case createURL(String), getURL(String), updateURL(String), deleteURL(String), listURLs(String)

    init?(method: String, path: String, query: [String: String]) {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            .map { String($0).removingPercentEncoding ?? String($0) }
        if segments.last == "" { segments.removeLast() }
        guard let version = segments.first else { return nil }
        let rest = Array(segments.dropFirst())
        switch version {
        case "2015-03-31": self.init(functions: method, rest)
        case "2018-10-31": self.init(layers: method, rest, query: query)
        case "2021-10-31": self.init(urls: method, rest)
        default: return nil
        }
    }

    private init?(functions method: String, _ p: [String]) {
        guard p.first == "functions" else { return nil }
        switch (method, p.count) {
        case ("GET", 1): self = .listFunctions
        case ("POST", 1): self = .createFunction
        case ("GET", 2): self = .getFunction(p[1])
        case ("DELETE", 2): self = .deleteFunction(p[1])
        case (_, 3), (_, 4):
            let name = p[1]
            switch (method, p[2], p.count) {
            case ("GET", "configuration", 3): self = .getConfiguration(name)
            case ("PUT", "configuration", 3): self = .updateConfiguration(name)
            case ("PUT", "code", 3): self = .updateCode(name)
            case ("POST", "invocations", 3): self = .invoke(name)
            case ("GET", "versions", 3): self = .listVersions(name)
            case ("POST", "versions", 3): self = .publishVersion(name)
            case ("GET", "policy", 3): self = .getPolicy(name)
            case ("POST", "policy", 3): self = .addPermission(name)
            case ("DELETE", "policy", 4): self = .removePermission(name, statementID: p[3])
            default: return nil
            }
        default: return nil
        }
    }

    private init?(layers method: String, _ p: [String], query: [String: String]) {
        guard p.first == "layers" else { return nil }
        switch (method, p.count) {
        case ("GET", 1): self = query["find"] == "LayerVersion" ? .getLayerVersionByARN : .listLayers
        case ("GET", 3) where p[2] == "versions": self = .listLayerVersions(p[1])
        case ("POST", 3) where p[2] == "versions": self = .publishLayerVersion(p[1])
        case ("GET", 4) where p[2] == "versions":
            guard let number = Int(p[3]) else { return nil }
            self = .getLayerVersion(p[1], number)
        case ("DELETE", 4) where p[2] == "versions":
            guard let number = Int(p[3]) else { return nil }
            self = .deleteLayerVersion(p[1], number)
        default: return nil
        }
    }

    private init?(urls method: String, _ p: [String]) {
        guard p.count == 3, p[0] == "functions" else { return nil }
        switch (method, p[2]) {
        case ("POST", "url"): self = .createURL(p[1])
        case ("GET", "url"): self = .getURL(p[1])
        case ("PUT", "url"): self = .updateURL(p[1])
        case ("DELETE", "url"): self = .deleteURL(p[1])
        case ("GET", "urls"): self = .listURLs(p[1])
        default: return nil
        }
    }
}
