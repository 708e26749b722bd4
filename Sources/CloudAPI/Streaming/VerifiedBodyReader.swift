import AWSSignature
import CloudEngine
import Foundation

/// A streamed request body as its signature describes it, checked while it is read: the declared SHA-256
/// (`x-amz-content-sha256`), or aws-chunked decoded with its chunk signatures and trailing checksum. A mismatch
/// is thrown at the end, before the engine commits anything, in S3's words.
final class VerifiedBodyReader: ObjectBodySource, @unchecked Sendable {
    private let stream: RequestBodyStream
    private var verifier: PayloadVerifier
    private var pending = Data()
    private var ended = false
    /// The trailing headers of an aws-chunked body (`x-amz-checksum-crc32`, …), known once it has been read.
    private(set) var trailers: [String: String] = [:]

    init(stream: RequestBodyStream, verified: VerifiedRequest) {
        self.stream = stream
        verifier = PayloadVerifier(for: verified)
    }

    /// An unsigned request's body (an anonymous upload a bucket policy may allow): nothing to check but its length.
    init(unsigned stream: RequestBodyStream) {
        self.stream = stream
        verifier = PayloadVerifier(payload: .unsigned)
    }

    func read(maxCount: Int) throws -> Data {
        while pending.isEmpty && !ended {
            let raw = try stream.read(maxCount: 1 << 20)
            do {
                if raw.isEmpty {
                    trailers = try verifier.finish()
                    ended = true
                } else {
                    pending = try verifier.feed(raw)
                }
            } catch {
                stream.abandon()
                let failure = RequestAuthenticator.failure(error, refusal: nil)
                throw EngineError(code: failure.code, httpStatus: failure.status, message: failure.message)
            }
        }
        guard pending.count > maxCount else {
            defer { pending = Data() }
            return pending
        }
        let piece = pending.prefix(maxCount)
        pending = pending.dropFirst(maxCount)
        return Data(piece)
    }

    /// Reads everything left, refusing more than `limit` bytes.
    func collect(limit: Int) throws -> Data {
        var result = Data()
        while true {
            let piece = try read(maxCount: 1 << 20)
            if piece.isEmpty { return result }
            result.append(piece)
            if result.count > limit {
                stream.abandon()
                throw EngineError(code: "MaxMessageLengthExceeded", httpStatus: 400,
                                  message: "Your request was too big: this operation takes at most \(limit) bytes.")
            }
        }
    }
}
