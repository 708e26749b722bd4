import CloudEngine
import Crypto
import Foundation
import IAMPolicy

/// DeleteObjects (what `aws s3 rm --recursive` sends) and CopyObject (`aws s3 cp` and `mv` between keys).
struct S3BulkOperations {
    let account: Account
    let caller: Caller
    let requestID: String

    /// At most 1,000 keys per request, as S3 allows.
    static let maxKeys = 1000

    func deleteObjects(bucket: String, request: APIRequest) throws -> APIResponse {
        let keys = try ElementTextReader.texts(of: "Key", in: request.body)
        let quiet = try ElementTextReader.texts(of: "Quiet", in: request.body).first?.lowercased() == "true"
        guard !keys.isEmpty, keys.count <= Self.maxKeys else {
            throw EngineError(code: "MalformedXML", httpStatus: 400,
                              message: "The XML you provided was not well-formed or did not validate against our published schema (a Delete names 1 to 1,000 objects).")
        }
        let failures = try account.storage.deleteObjects(bucket: bucket, keys: keys, caller: caller)
        var xml = XMLText.declaration + #"<DeleteResult xmlns="\#(S3Handler.namespace)">"#
        for key in keys {
            if let failure = failures[key] {
                xml += "<Error>" + XMLText.element("Key", key) + XMLText.element("Code", failure.code)
                    + XMLText.element("Message", failure.message) + "</Error>"
            } else if !quiet {
                xml += "<Deleted>" + XMLText.element("Key", key) + "</Deleted>"
            }
        }
        return .xml(xml + "</DeleteResult>", headers: [("x-amz-request-id", requestID)])
    }

    func copyObject(bucket: String, key: String, request: APIRequest) throws -> APIResponse {
        let (sourceBucket, sourceKey) = try Self.copySource(request)
        var replace: PutObjectOptions?
        switch request.header("x-amz-metadata-directive")?.uppercased() {
        case nil, "COPY": replace = nil
        case "REPLACE": replace = S3Objects.options(from: request)
        case let other?:
            throw EngineError(code: "InvalidArgument", httpStatus: 400, message: "Unknown metadata directive \(other): use COPY or REPLACE.")
        }
        let info = try account.storage.copyObject(sourceBucket: sourceBucket, sourceKey: sourceKey, bucket: bucket, key: key,
                                                  replaceMetadata: replace, caller: caller)
        let xml = XMLText.declaration + #"<CopyObjectResult xmlns="\#(S3Handler.namespace)">"#
            + XMLText.element("LastModified", UTCTimestamp(info.lastModified).iso8601Milliseconds)
            + XMLText.element("ETag", "\"\(info.etag)\"") + "</CopyObjectResult>"
        return .xml(xml, headers: [("x-amz-request-id", requestID)])
    }

    /// The bucket and key `x-amz-copy-source` names (`bucket/key` or `/bucket/key`, percent-encoded).
    static func copySource(_ request: APIRequest) throws -> (bucket: String, key: String) {
        guard let header = request.header("x-amz-copy-source") else { throw Self.badSource("") }
        var source = APIRequest.decode(header.split(separator: "?", maxSplits: 1).first.map(String.init) ?? header)
        if source.hasPrefix("/") { source.removeFirst() }
        guard let slash = source.firstIndex(of: "/"), slash != source.startIndex, source.index(after: slash) != source.endIndex else {
            throw Self.badSource(header)
        }
        return (String(source[..<slash]), String(source[source.index(after: slash)...]))
    }

    static func badSource(_ header: String) -> EngineError {
        EngineError(code: "InvalidArgument", httpStatus: 400,
                    message: "Copy Source must mention the source bucket and key: sourcebucket/sourcekey (got \"\(header)\").")
    }
}
