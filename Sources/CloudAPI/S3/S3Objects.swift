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
        let info = try account.storage.putObject(bucket: bucket, key: key, body: Self.bodySource(request),
                                                 options: Self.options(from: request), caller: caller)
        return APIResponse(headers: [("ETag", "\"\(info.etag)\""), ("x-amz-request-id", requestID)] + Self.checksums(of: request))
    }

    /// Where a request's body is read from (streamed or whole), with Content-MD5 and the declared
    /// `x-amz-checksum-*` checked as it passes: a mismatch is BadDigest at the end, before anything is committed.
    static func bodySource(_ request: APIRequest) -> any ObjectBodySource {
        if let stream = request.verifiedBody { return DigestCheckingBody(stream, request: request) }
        return DigestCheckingBody(DataBodySource(request.body), request: request)
    }

    /// The checksums a request declared in headers, as S3 gives them back (and keeps them with a part).
    static func declaredChecksums(_ request: APIRequest) -> [(name: String, value: String)] {
        ChecksumAlgorithm.allCases.compactMap { algorithm in
            let name = "x-amz-checksum-" + algorithm.rawValue
            return request.header(name).map { (name, $0) }
        }
    }

    /// Every checksum to give back once the body was stored: the declared ones and an aws-chunked body's trailing
    /// one (which its decoder checked).
    static func checksums(of request: APIRequest) -> [(name: String, value: String)] {
        let trailing = (request.verifiedBody?.trailers ?? [:]).filter { $0.key.hasPrefix("x-amz-checksum-") }
            .sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        return declaredChecksums(request) + trailing
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
        if headOnly {
            let info = try account.storage.headObject(bucket: bucket, key: key, caller: caller)
            if let failure = try Self.preconditionFailure(request, info) { return failure.with(requestID) }
            return try head(info, request: request, range: nil, length: info.size)
        }
        // RequestDispatcher.dispatch gives every request one; the body always streams.
        guard let responder = request.earlyResponder else {
            throw EngineError.internalError("GetObject was called without a connection to stream its body to.")
        }
        // Streamed: the head goes out as soon as the object is known; the bytes follow from the same snapshot.
        let channel = ResponseBodyChannel()
        var sent = false
        do {
            try account.storage.getObject(bucket: bucket, key: key, range: range, caller: caller, begin: { info in
                if let failure = try Self.preconditionFailure(request, info) { throw EarlyAnswer(response: failure.with(requestID)) }
                let length = try range.map { Int64(try $0.resolve(size: info.size).count) } ?? info.size
                var response = try head(info, request: request, range: range, length: length)
                response.stream = channel
                sent = responder.send(response)
            }, bytes: { bytes in try channel.send(bytes) })
        } catch let answer as EarlyAnswer {
            return answer.response
        } catch {
            guard sent else { throw error }
            channel.abort()
            return APIResponse(status: 500)
        }
        channel.finish()
        return APIResponse(status: 500)
    }

    /// A complete answer decided before any byte was sent (a failed precondition).
    private struct EarlyAnswer: Error {
        var response: APIResponse
    }

    /// The status and headers of a GET or HEAD: S3's, with the stored metadata and content headers.
    private func head(_ info: ObjectInfo, request: APIRequest, range: ByteRange?, length: Int64) throws -> APIResponse {
        var headers: [(name: String, value: String)] = [
            ("ETag", "\"\(info.etag)\""), ("Last-Modified", UTCTimestamp(info.lastModified).httpDate),
            ("Content-Type", request.query["response-content-type"] ?? info.contentType), ("Accept-Ranges", "bytes"),
            ("x-amz-request-id", requestID),
        ]
        if info.storageClass != "STANDARD" { headers.append(("x-amz-storage-class", info.storageClass)) }
        for (name, value) in info.metadata.sorted(by: { $0.key < $1.key }) { headers.append(("x-amz-meta-" + name, value)) }
        for (name, value) in info.headers.sorted(by: { $0.key < $1.key }) { headers.append((name, value)) }
        var status = 200
        if let range, info.size > 0 {
            let span = try range.resolve(size: info.size)
            status = 206
            headers.append(("Content-Range", "bytes \(span.lowerBound)-\(span.upperBound)/\(info.size)"))
        }
        headers.append(("Content-Length", String(length)))
        return APIResponse(status: status, headers: headers)
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
