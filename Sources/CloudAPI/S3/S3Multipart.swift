import CloudEngine
import Foundation
import IAMPolicy

/// Multipart uploads over the engine: Create, UploadPart (and UploadPartCopy), Complete, Abort, ListParts.
/// ListMultipartUploads is in `S3MultipartListing`.
struct S3Multipart {
    let account: Account
    let caller: Caller
    let requestID: String

    func create(bucket: String, key: String, request: APIRequest) throws -> APIResponse {
        let algorithm = request.header("x-amz-checksum-algorithm")
        let upload = try account.storage.createMultipartUpload(bucket: bucket, key: key, options: S3Objects.options(from: request),
                                                               checksumAlgorithm: algorithm, caller: caller)
        let xml = XMLText.declaration + #"<InitiateMultipartUploadResult xmlns="\#(S3Handler.namespace)">"#
            + XMLText.element("Bucket", bucket) + XMLText.element("Key", key) + XMLText.element("UploadId", upload.uploadID)
            + "</InitiateMultipartUploadResult>"
        var headers: [(name: String, value: String)] = [("x-amz-request-id", requestID)]
        if let algorithm = upload.checksumAlgorithm {
            headers.append(("x-amz-checksum-algorithm", algorithm))
            headers.append(("x-amz-checksum-type", request.header("x-amz-checksum-type") ?? "COMPOSITE"))
        }
        return .xml(xml, headers: headers)
    }

    func uploadPart(bucket: String, key: String, uploadID: String, request: APIRequest) throws -> APIResponse {
        let partNumber = try Self.partNumber(request.query["partNumber"])
        let declared = S3Objects.declaredChecksums(request)
        let part = try account.storage.uploadPart(
            bucket: bucket, key: key, uploadID: uploadID, partNumber: partNumber, body: S3Objects.bodySource(request),
            checksums: Dictionary(declared.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }), caller: caller)
        return APIResponse(headers: [("ETag", "\"\(part.etag)\""), ("x-amz-request-id", requestID)] + S3Objects.checksums(of: request))
    }

    /// UploadPartCopy: a part made of an object (or a byte range of it, `x-amz-copy-source-range`).
    func uploadPartCopy(bucket: String, key: String, uploadID: String, request: APIRequest) throws -> APIResponse {
        let partNumber = try Self.partNumber(request.query["partNumber"])
        let source = try S3BulkOperations.copySource(request)
        var range: ByteRange?
        if let header = request.header("x-amz-copy-source-range") {
            guard let parsed = ByteRange.parse(header: header), case .fromTo = parsed else {
                throw EngineError(code: "InvalidArgument", httpStatus: 400,
                                  message: "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy (got \(header)).")
            }
            range = parsed
        }
        let part = try account.storage.uploadPartCopy(bucket: bucket, key: key, uploadID: uploadID, partNumber: partNumber,
                                                      sourceBucket: source.bucket, sourceKey: source.key, range: range,
                                                      caller: caller)
        let xml = XMLText.declaration + #"<CopyPartResult xmlns="\#(S3Handler.namespace)">"#
            + XMLText.element("LastModified", UTCTimestamp(part.lastModified).iso8601Milliseconds)
            + XMLText.element("ETag", "\"\(part.etag)\"") + "</CopyPartResult>"
        return .xml(xml, headers: [("x-amz-request-id", requestID)])
    }

    func complete(bucket: String, key: String, uploadID: String, request: APIRequest) throws -> APIResponse {
        let root = try XMLTree.parse(request.body)
        guard root.name == "CompleteMultipartUpload" else { throw XMLTree.malformed }
        let parts = try root.children("Part").map { part -> CompletedPart in
            guard let number = part.value("PartNumber").flatMap({ Int($0) }), let etag = part.value("ETag") else { throw XMLTree.malformed }
            return CompletedPart(partNumber: number, etag: etag)
        }
        let info = try account.storage.completeMultipartUpload(bucket: bucket, key: key, uploadID: uploadID, parts: parts,
                                                               caller: caller)
        // S3 answers the object's URL; path-style, on the host the client used.
        let path = "/" + bucket + "/" + S3Listing.urlEncoded(key)
        let location = request.header("host").map { "http://" + $0 + path } ?? path
        let xml = XMLText.declaration + #"<CompleteMultipartUploadResult xmlns="\#(S3Handler.namespace)">"#
            + XMLText.element("Location", location) + XMLText.element("Bucket", bucket) + XMLText.element("Key", key)
            + XMLText.element("ETag", "\"\(info.etag)\"") + "</CompleteMultipartUploadResult>"
        return .xml(xml, headers: [("x-amz-request-id", requestID)])
    }

    func abort(bucket: String, key: String, uploadID: String) throws -> APIResponse {
        try account.storage.abortMultipartUpload(bucket: bucket, key: key, uploadID: uploadID, caller: caller)
        return APIResponse(status: 204, headers: [("x-amz-request-id", requestID)])
    }

    func listParts(bucket: String, key: String, uploadID: String, query: [String: String]) throws -> APIResponse {
        let maxParts = try S3MultipartListing.count(query["max-parts"], name: "max-parts")
        let marker = try S3MultipartListing.count(query["part-number-marker"], name: "part-number-marker") ?? 0
        let page = try account.storage.listParts(bucket: bucket, key: key, uploadID: uploadID, partNumberMarker: marker,
                                                 maxParts: maxParts ?? 1000, caller: caller)
        var xml = XMLText.declaration + #"<ListPartsResult xmlns="\#(S3Handler.namespace)">"#
            + XMLText.element("Bucket", bucket) + XMLText.element("Key", key) + XMLText.element("UploadId", uploadID)
            + XMLText.element("PartNumberMarker", String(marker))
        if let next = page.nextPartNumberMarker ?? page.parts.last?.partNumber {
            xml += XMLText.element("NextPartNumberMarker", String(next))
        }
        xml += XMLText.element("MaxParts", String(min(maxParts ?? 1000, 1000)))
            + XMLText.element("IsTruncated", page.isTruncated ? "true" : "false")
        for part in page.parts {
            xml += "<Part>" + XMLText.element("PartNumber", String(part.partNumber))
                + XMLText.element("LastModified", UTCTimestamp(part.lastModified).iso8601Milliseconds)
                + XMLText.element("ETag", "\"\(part.etag)\"") + XMLText.element("Size", String(part.size))
            for (name, value) in part.checksums.sorted(by: { $0.key < $1.key }) {
                xml += XMLText.element(S3MultipartListing.checksumElement(name), value)
            }
            xml += "</Part>"
        }
        xml += S3MultipartListing.people(page.upload, accountID: account.accountID)
            + XMLText.element("StorageClass", page.upload.storageClass)
        if let algorithm = page.upload.checksumAlgorithm { xml += XMLText.element("ChecksumAlgorithm", algorithm) }
        return .xml(xml + "</ListPartsResult>", headers: [("x-amz-request-id", requestID)])
    }

    /// `partNumber`: 1…10,000, else InvalidArgument.
    static func partNumber(_ text: String?) throws -> Int {
        guard let text, let number = Int(text), StorageService.partNumbers.contains(number) else {
            throw EngineError(code: "InvalidArgument", httpStatus: 400,
                              message: "Part number must be an integer between 1 and 10000, inclusive (got \(text ?? "none")).",
                              resource: "partNumber")
        }
        return number
    }
}
