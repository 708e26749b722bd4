/// Where a function URL lives on this endpoint: `http://<url-id>.lambda-url.<region>.localhost:<port>/`
/// (as Lambda's `https://<url-id>.lambda-url.<region>.on.aws/`; `*.localhost` reaches loopback), or path style
/// `http://127.0.0.1:<port>/lambda-url/<url-id>/…` for clients that cannot choose the host name.
enum FunctionURLAddress {
    static let pathPrefix = "/lambda-url/"

    /// The URL id and the path the function sees, when `request` is for a function URL; `pathStyle` tells
    /// that it came as `/lambda-url/<id>/…`, which an S3 bucket named `lambda-url` could also mean.
    static func match(_ request: APIRequest) -> (id: String, rawPath: String, pathStyle: Bool)? {
        if let host = request.header("host"), let range = host.range(of: ".lambda-url.") {
            let id = String(host[..<range.lowerBound])
            return id.isEmpty || id.contains(".") ? nil : (id, request.rawPath, false)
        }
        // S3's own requests to a bucket named lambda-url stay S3's.
        guard request.rawPath.hasPrefix(pathPrefix), ServiceName.signed(request) != .s3 else { return nil }
        let rest = request.rawPath.dropFirst(pathPrefix.count)
        let id = rest.prefix { $0 != "/" }
        guard !id.isEmpty else { return nil }
        let path = rest.dropFirst(id.count)
        return (String(id), path.isEmpty ? "/" : String(path), true)
    }

    /// The virtual-host URL, with the port the request that asked came in on.
    static func url(id: String, region: String, host: String?) -> String {
        "http://\(id).lambda-url.\(region).localhost\(portSuffix(host))/"
    }

    /// `:PORT` from a Host header (`127.0.0.1:4566`, `[::1]:4566`), or "" when it names none.
    static func portSuffix(_ host: String?) -> String {
        guard let host, let colon = host.lastIndex(of: ":") else { return "" }
        let port = host[host.index(after: colon)...]
        return !port.isEmpty && port.allSatisfy(\.isNumber) ? ":\(port)" : ""
    }
}
