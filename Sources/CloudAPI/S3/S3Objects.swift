import AWSSignature
import CloudEngine
import Crypto
import Foundation
import IAMPolicy

/// PutObject, GetObject and HeadObject: headers in, headers out, S3's way.
struct S3Objects {
    let account: Account
    let caller: Caller
    let requestID: String

    static let getParameters: Set<String> = ["partNumber", "versionId", "response-content-type", "response-content-disposition",
                                             "response-cache-control", "response-content-encoding", "response-content-language",
                                             "response-expires", "x-id"]
    /// System headers kept with an object and given back on GET and HEAD.
    static let keptHeaders = ["cache-control", "content-disposition", "content-encoding", "content-language", "expires"]

    func put(bucket: String, key: String, request: APIRequest) throws -> APIResponse {
        let checksums = try Self.verifiedChecksums(request)
        let info = try account.storage.putObject(bucket: bucket, key: key, body: Self.bodySource(request),
                                                 options: Self.options(from: request), caller: caller)
        return APIResponse(headers: [("ETag", "\"\(info.etag)\""), ("x-amz-request-id", requestID)] + checksums)
    }

    /// Where a request's body is read from: the one place to change when bodies stream in.
    static func bodySource(_ request: APIRequest) -> some ObjectBodySource {
        DataBodySource(request.body)
    }

    /// Content-MD5 and the checksums boto3 and the aws CLI send (`x-amz-checksum-crc32` and friends), checked
    /// against the body (BadDigest when one differs); the checksums are returned to be given back.
    static func verifiedChecksums(_ request: APIRequest) throws -> [(name: String, value: String)] {
        if let md5 = request.header("content-md5") {
            let digest = Data(Insecure.MD5.hash(data: request.body)).base64EncodedString()
            guard md5 == digest else {
                throw EngineError(code: "BadDigest", httpStatus: 400,
                                  message: "The Content-MD5 you specified did not match what we received.")
            }
        }
        var checksums: [(name: String, value: String)] = []
        for algorithm in ChecksumAlgorithm.allCases {
            let name = "x-amz-checksum-" + algorithm.rawValue
            guard let declared = request.header(name) else { continue }
            var checksum = PayloadChecksum(algorithm)
            checksum.update(request.body)
            guard checksum.base64 == declared else {
                throw EngineError(code: "BadDigest", httpStatus: 400,
                                  message: "The \(algorithm.displayName) you specified did not match the calculated checksum.")
            }
            checksums.append((name, declared))
        }
        return checksums
    }

    /// The object's content type, user metadata, kept headers and storage class, as a request's headers give them.
    static func options(from request: APIRequest) -> PutObjectOptions {
        var metadata: [String: String] = [:]
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            let lower = name.lowercased()
            if lower.hasPrefix("x-amz-meta-") { metadata[String(lower.dropFirst("x-amz-meta-".count))] = value }
            if keptHeaders.contains(lower) { headers[lower] = value }
        }
        // aws-chunked is how the body came, not what it is: S3 does not keep it as the object's encoding.
        if let encoding = headers["content-encoding"] {
            let kept = encoding.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0 != "aws-chunked" }
            headers["content-encoding"] = kept.isEmpty ? nil : kept.joined(separator: ",")
        }
        return PutObjectOptions(contentType: request.header("content-type"), metadata: metadata, headers: headers,
                                storageClass: request.header("x-amz-storage-class"))
    }

    func get(bucket: String, key: String, request: APIRequest, headOnly: Bool) throws -> APIResponse {
        // S3 ignores a Range it cannot parse and sends the whole object, as 200.
        let range = request.header("range").flatMap { ByteRange.parse(header: $0) }
        var body = Data()
        let info: ObjectInfo
        if headOnly {
            info = try account.storage.headObject(bucket: bucket, key: key, caller: caller)
        } else {
            info = try account.storage.getObject(bucket: bucket, key: key, range: range, caller: caller) { body.append($0) }
        }
        if let failure = try Self.preconditionFailure(request, info) { return failure.with(requestID) }
        var headers: [(name: String, value: String)] = [
            ("ETag", "\"\(info.etag)\""), ("Last-Modified", UTCTimestamp(info.lastModified).httpDate),
            ("Content-Type", request.query["response-content-type"] ?? info.contentType), ("Accept-Ranges", "bytes"),
            ("x-amz-request-id", requestID),
        ]
        if info.storageClass != "STANDARD" { headers.append(("x-amz-storage-class", info.storageClass)) }
        for (name, value) in info.metadata.sorted(by: { $0.key < $1.key }) { headers.append(("x-amz-meta-" + name, value)) }
        for (name, value) in info.headers.sorted(by: { $0.key < $1.key }) { headers.append((name, value)) }
        var status = 200
        if let range, info.size > 0, !headOnly {
            let span = try range.resolve(size: info.size)
            status = 206
            headers.append(("Content-Range", "bytes \(span.lowerBound)-\(span.upperBound)/\(info.size)"))
        }
        headers.append(("Content-Length", String(headOnly ? info.size : Int64(body.count))))
        return APIResponse(status: status, headers: headers, body: headOnly ? Data() : body)
    }

    /// If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since, as S3 applies them.
    static func preconditionFailure(_ request: APIRequest, _ info: ObjectInfo) throws -> APIResponse? {
        let etag = "\"\(info.etag)\""
        func matches(_ header: String) -> Bool {
            header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains { $0 == "*" || $0 == etag || $0 == info.etag }
        }
        if let ifMatch = request.header("if-match"), !matches(ifMatch) {
            throw EngineError(code: "PreconditionFailed", httpStatus: 412,
                              message: "At least one of the pre-conditions you specified did not hold", resource: "If-Match")
        }
        if let ifNoneMatch = request.header("if-none-match"), matches(ifNoneMatch) {
            return APIResponse(status: 304, headers: [("ETag", etag)])
        }
        return nil
    }
}

extension APIResponse {
    func with(_ requestID: String) -> APIResponse {
        var copy = self
        copy.headers.append(("x-amz-request-id", requestID))
        return copy
    }
}
