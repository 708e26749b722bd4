import AWSSignature
import CloudEngine
import Foundation

/// Who sent a request: its SigV4 signature (header or presigned query) checked against the account's keys
/// (users', role sessions' with their token, the root's), and its body read as the signature says
/// (a declared SHA-256 checked, aws-chunked decoded with its chunk signatures).
struct RequestAuthenticator: Sendable {
    let account: Account

    struct Authenticated {
        var caller: Caller
        /// The payload, decoded from aws-chunked when it came so.
        var body: Data
        /// A streamed payload, decoded and checked as it is read (then `body` is empty).
        var stream: VerifiedBodyReader?
    }

    struct Failure: Error {
        var code: String
        var message: String
        var status: Int
    }

    func authenticate(_ request: APIRequest, signing: SigningService = .s3, now: Date = Date()) -> Result<Authenticated, Failure> {
        // Signature Version 2 (boto3's default for presigned S3 URLs): refused as S3's newer regions refuse it.
        if request.query["AWSAccessKeyId"] != nil || request.header("authorization")?.hasPrefix("AWS ") == true {
            return .failure(Failure(code: "InvalidRequest",
                                    message: "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256. (boto3: Config(signature_version=\"s3v4\"); the aws CLI: aws configure set default.s3.signature_version s3v4, which the overcast profile already sets)",
                                    status: 400))
        }
        // No signature at all: S3 serves it as the anonymous caller, whom only a bucket policy can allow.
        if signing == .s3, Self.isUnsigned(request) {
            return .success(Authenticated(caller: .anonymous, body: request.body,
                                          stream: request.stream.map { VerifiedBodyReader(unsigned: $0) }))
        }
        // Services other than S3 sign the body's hash in the canonical request without sending it in a header.
        let bodyHash = signing == .s3 || request.body.isEmpty ? nil : SignedRequest.sha256Hex(of: request.body)
        let signed = SignedRequest(method: request.method, path: request.rawPath, query: request.rawQuery,
                                   headers: request.headers, bodySHA256: bodyHash)
        let token = request.header("x-amz-security-token") ?? request.query["X-Amz-Security-Token"]
        var resolved: ResolvedCredentials?
        var refusal: EngineError?
        let verified: VerifiedRequest
        do {
            verified = try SigV4Verifier.verify(signed, service: signing, now: now) { accessKeyID in
                do {
                    let found = try account.sts.credentials(forAccessKey: accessKeyID, sessionToken: token)
                    resolved = found
                    return SigV4Credentials(accessKeyID: accessKeyID, secretAccessKey: found.secretAccessKey, sessionToken: token)
                } catch let error as EngineError {
                    refusal = error
                    return nil
                } catch {
                    return nil
                }
            }
        } catch {
            return .failure(Self.failure(error, refusal: refusal, signing: signing))
        }
        guard let resolved else {
            return .failure(Self.failure(.invalidAccessKeyID(""), refusal: nil, signing: signing))
        }
        if let stream = request.stream {
            return .success(Authenticated(caller: resolved.caller, body: Data(),
                                          stream: VerifiedBodyReader(stream: stream, verified: verified)))
        }
        do {
            let body = try Self.body(request.body, verified: verified)
            return .success(Authenticated(caller: resolved.caller, body: body))
        } catch {
            return .failure(Self.failure(error, refusal: nil, signing: signing))
        }
    }

    /// Neither an Authorization header nor presigned-URL parameters.
    static func isUnsigned(_ request: APIRequest) -> Bool {
        request.header("authorization") == nil
            && !request.query.keys.contains { ["x-amz-credential", "x-amz-signature", "x-amz-algorithm"].contains($0.lowercased()) }
    }

    /// The payload as the signature describes it.
    static func body(_ raw: Data, verified: VerifiedRequest) throws(SigV4Failure) -> Data {
        var verifier = PayloadVerifier(for: verified)
        let payload = try verifier.feed(raw)
        _ = try verifier.finish()
        return payload
    }

    /// SigV4's failures in the codes of the service signed for (S3's, or the query and JSON services'); an unknown
    /// key or token keeps the engine's reason when it has one (ExpiredToken, an inactive key).
    static func failure(_ error: SigV4Failure, refusal: EngineError?, signing: SigningService = .s3) -> Failure {
        if signing == .other {
            if case .invalidAccessKeyID = error, let refusal, refusal.code == "ExpiredToken" {
                return Failure(code: "ExpiredToken", message: "The security token included in the request is expired", status: 403)
            }
            return Failure(code: error.code(for: .other), message: error.message(for: .other), status: error.httpStatus(for: .other))
        }
        if case .invalidAccessKeyID = error, let refusal {
            switch refusal.code {
            case "ExpiredToken": return Failure(code: "ExpiredToken", message: refusal.message, status: 400)
            case "InvalidClientTokenId" where refusal.message.contains("session token"):
                return Failure(code: "InvalidToken", message: "The provided token is malformed or otherwise invalid. " + refusal.message,
                               status: 400)
            case "InvalidClientTokenId" where refusal.message.contains("inactive"):
                return Failure(code: "InvalidAccessKeyId", message: "The AWS Access Key Id you provided does not exist in our records. " + refusal.message,
                               status: 403)
            default: break
            }
        }
        return Failure(code: error.code, message: error.message, status: error.httpStatus)
    }
}
