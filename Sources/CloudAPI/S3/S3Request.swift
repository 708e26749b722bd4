import Foundation

/// Which bucket and key a request names: path-style (`/bucket/key`) or virtual-hosted (`bucket.localhost/key`).
struct S3Target: Equatable {
    var bucket: String?
    var key: String?

    /// `host` is the Host header; a first label before the endpoint's own host name is the bucket.
    init(rawPath: String, host: String?, endpointHosts: Set<String>) {
        let path = APIRequest.decode(rawPath)
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        if let host = host.map({ Self.hostName($0) }), let dot = host.firstIndex(of: "."),
           endpointHosts.contains(String(host[host.index(after: dot)...])) {
            bucket = String(host[..<dot])
            key = trimmed.isEmpty ? nil : trimmed
            return
        }
        guard !trimmed.isEmpty else { return }
        if let slash = trimmed.firstIndex(of: "/") {
            bucket = String(trimmed[..<slash])
            let rest = String(trimmed[trimmed.index(after: slash)...])
            key = rest.isEmpty ? nil : rest
        } else {
            bucket = trimmed
        }
    }

    /// `localhost:4747` → `localhost`.
    static func hostName(_ host: String) -> String {
        guard !host.hasPrefix("["), let colon = host.lastIndex(of: ":") else { return host.lowercased() }
        return String(host[..<colon]).lowercased()
    }
}
