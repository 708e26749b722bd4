import CloudEngine
import Foundation
import IAMPolicy

/// ListMultipartUploads (`GET /bucket?uploads`), and the pieces ListParts shares with it.
struct S3MultipartListing {
    let account: Account
    let caller: Caller
    let requestID: String

    static let parameters: Set<String> = ["uploads", "prefix", "delimiter", "key-marker", "upload-id-marker", "max-uploads",
                                          "encoding-type"]

    func list(bucket: String, query: [String: String]) throws -> APIResponse {
        let maxUploads = min(try Self.count(query["max-uploads"], name: "max-uploads") ?? 1000, 1000)
        if let encoding = query["encoding-type"], encoding != "url" {
            throw EngineError(code: "InvalidArgument", httpStatus: 400, message: "Invalid Encoding Method specified in Request")
        }
        let encodeURL = query["encoding-type"] == "url"
        func text(_ value: String) -> String { encodeURL ? S3Listing.urlEncoded(value) : value }
        let request = ListUploadsRequest(
            prefix: query["prefix"] ?? "", delimiter: query["delimiter"].flatMap { $0.isEmpty ? nil : $0 },
            keyMarker: query["key-marker"].flatMap { $0.isEmpty ? nil : $0 },
            uploadIDMarker: query["upload-id-marker"].flatMap { $0.isEmpty ? nil : $0 }, maxUploads: maxUploads)
        let page = try account.storage.listMultipartUploads(bucket: bucket, request, caller: caller)
        var xml = XMLText.declaration + #"<ListMultipartUploadsResult xmlns="\#(S3Handler.namespace)">"#
            + XMLText.element("Bucket", bucket) + XMLText.element("KeyMarker", text(request.keyMarker ?? ""))
            + XMLText.element("UploadIdMarker", request.uploadIDMarker ?? "")
        if let next = page.nextKeyMarker { xml += XMLText.element("NextKeyMarker", text(next)) }
        if let next = page.nextUploadIDMarker { xml += XMLText.element("NextUploadIdMarker", next) }
        if let delimiter = request.delimiter { xml += XMLText.element("Delimiter", text(delimiter)) }
        xml += XMLText.element("Prefix", text(request.prefix)) + XMLText.element("MaxUploads", String(maxUploads))
        if encodeURL { xml += XMLText.element("EncodingType", "url") }
        xml += XMLText.element("IsTruncated", page.isTruncated ? "true" : "false")
        for upload in page.uploads {
            xml += "<Upload>" + XMLText.element("Key", text(upload.key)) + XMLText.element("UploadId", upload.uploadID)
                + Self.people(upload, accountID: account.accountID) + XMLText.element("StorageClass", upload.storageClass)
                + XMLText.element("Initiated", UTCTimestamp(upload.initiated).iso8601Milliseconds)
            if let algorithm = upload.checksumAlgorithm { xml += XMLText.element("ChecksumAlgorithm", algorithm) }
            xml += "</Upload>"
        }
        for common in page.commonPrefixes {
            xml += "<CommonPrefixes>" + XMLText.element("Prefix", text(common)) + "</CommonPrefixes>"
        }
        return .xml(xml + "</ListMultipartUploadsResult>", headers: [("x-amz-request-id", requestID)])
    }

    /// `<Initiator>` (who created the upload) and `<Owner>` (the account, as ListBuckets names it).
    static func people(_ upload: MultipartUpload, accountID: String) -> String {
        "<Initiator>" + XMLText.element("ID", upload.initiatorARN) + XMLText.element("DisplayName", upload.initiatorID) + "</Initiator>"
            + "<Owner>" + XMLText.element("ID", accountID) + XMLText.element("DisplayName", "overcast") + "</Owner>"
    }

    /// `x-amz-checksum-crc32` → `ChecksumCRC32`.
    static func checksumElement(_ header: String) -> String {
        "Checksum" + header.dropFirst("x-amz-checksum-".count).uppercased()
    }

    /// A non-negative integer parameter; nil when absent, InvalidArgument when not a number.
    static func count(_ text: String?, name: String) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw EngineError(code: "InvalidArgument", httpStatus: 400,
                              message: "Provided \(name) not an integer or within integer range", resource: name)
        }
        return value
    }
}
