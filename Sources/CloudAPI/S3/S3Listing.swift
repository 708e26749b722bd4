import AWSSignature
import CloudEngine
import Foundation
import IAMPolicy

/// ListObjectsV2 (`list-type=2`) and the original ListObjects, as S3 writes them (with `encoding-type=url`,
/// which the aws CLI asks for, keys and prefixes are URL-encoded in the answer).
struct S3Listing {
    let account: Account
    let caller: Caller

    static let parameters: Set<String> = ["list-type", "prefix", "delimiter", "max-keys", "continuation-token",
                                          "start-after", "encoding-type", "fetch-owner", "marker"]

    func list(bucket: String, query: [String: String]) throws -> APIResponse {
        let isV2 = query["list-type"] == "2"
        if let type = query["list-type"], type != "2" {
            throw EngineError(code: "InvalidArgument", httpStatus: 400, message: "Invalid list type \(type): use 2, or leave it out.")
        }
        let maxKeys: Int
        if let text = query["max-keys"] {
            guard let value = Int(text), value >= 0 else {
                throw EngineError(code: "InvalidArgument", httpStatus: 400, message: "Provided max-keys not an integer or within integer range")
            }
            maxKeys = min(value, 1000)
        } else {
            maxKeys = 1000
        }
        let encodeURL = query["encoding-type"] == "url"
        if let encoding = query["encoding-type"], encoding != "url" {
            throw EngineError(code: "InvalidArgument", httpStatus: 400, message: "Invalid Encoding Method specified in Request")
        }
        let prefix = query["prefix"] ?? ""
        let delimiter = query["delimiter"].flatMap { $0.isEmpty ? nil : $0 }
        let startAfter = isV2 ? query["start-after"] : query["marker"]
        let page = try account.storage.listObjects(
            bucket: bucket,
            request: ListObjectsRequest(prefix: prefix, delimiter: delimiter, maxKeys: maxKeys,
                                        continuationToken: isV2 ? query["continuation-token"] : nil,
                                        startAfter: startAfter.flatMap { $0.isEmpty ? nil : $0 }),
            caller: caller)
        func text(_ value: String) -> String { encodeURL ? Self.urlEncoded(value) : value }
        var xml = XMLText.declaration + #"<ListBucketResult xmlns="\#(S3Handler.namespace)">"#
        xml += XMLText.element("Name", bucket) + XMLText.element("Prefix", text(prefix))
        if let delimiter { xml += XMLText.element("Delimiter", text(delimiter)) }
        xml += XMLText.element("MaxKeys", String(maxKeys))
        if encodeURL { xml += XMLText.element("EncodingType", "url") }
        xml += XMLText.element("IsTruncated", page.isTruncated ? "true" : "false")
        if isV2 {
            xml += XMLText.element("KeyCount", String(page.keyCount))
            if let token = query["continuation-token"] { xml += XMLText.element("ContinuationToken", token) }
            if let next = page.nextContinuationToken { xml += XMLText.element("NextContinuationToken", next) }
            if let after = query["start-after"] { xml += XMLText.element("StartAfter", text(after)) }
        } else {
            xml += XMLText.element("Marker", text(query["marker"] ?? ""))
            // V1 names the next marker only with a delimiter; without one the client uses the last key.
            if page.isTruncated, delimiter != nil {
                let last = [page.objects.last?.key, page.commonPrefixes.last].compactMap { $0 }.max()
                if let last { xml += XMLText.element("NextMarker", text(last)) }
            }
        }
        for object in page.objects {
            xml += "<Contents>" + XMLText.element("Key", text(object.key))
                + XMLText.element("LastModified", UTCTimestamp(object.lastModified).iso8601Milliseconds)
                + XMLText.element("ETag", "\"\(object.etag)\"") + XMLText.element("Size", String(object.size))
                + XMLText.element("StorageClass", object.storageClass) + "</Contents>"
        }
        for common in page.commonPrefixes {
            xml += "<CommonPrefixes>" + XMLText.element("Prefix", text(common)) + "</CommonPrefixes>"
        }
        return .xml(xml + "</ListBucketResult>")
    }

    /// S3's URL encoding of keys in listings: everything but unreserved characters and `/`... encoded as UTF-8 bytes.
    static func urlEncoded(_ text: String) -> String {
        URIEncoding.encode(text, keepSlash: true)
    }
}
