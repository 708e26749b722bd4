import Foundation

/// A body read as its verified signature describes it: the declared SHA-256 (`x-amz-content-sha256`) checked, or
/// aws-chunked decoded with its chunk signatures and trailing checksum. Feed it the bytes as they come (all at
/// once or piece by piece), then `finish()`: a mismatch is thrown there, before anything is committed.
public struct PayloadVerifier {
    private enum Check {
        case hash(PayloadHashCheck)
        case chunked(AWSChunkedDecoder)
    }

    private var check: Check

    /// For the body of a request whose signature verified as `request`.
    public init(for request: VerifiedRequest) {
        check = request.payload.isChunked ? .chunked(AWSChunkedDecoder(for: request)) : .hash(PayloadHashCheck(payload: request.payload))
    }

    /// For a body signed as `payload` (`.unsigned` for a request without a signature).
    public init(payload: PayloadSigning) {
        check = payload.isChunked ? .chunked(AWSChunkedDecoder(payload: payload)) : .hash(PayloadHashCheck(payload: payload))
    }

    /// The payload bytes `raw` carries: `raw` itself, or what it completes of an aws-chunked body.
    public mutating func feed(_ raw: Data) throws(SigV4Failure) -> Data {
        switch check {
        case .hash(var hash):
            hash.update(raw)
            check = .hash(hash)
            return raw
        case .chunked(var decoder):
            let decoded = try decoder.feed(raw)
            check = .chunked(decoder)
            return Data(decoded)
        }
    }

    /// Ends the body: throws when it does not match its signature; returns an aws-chunked body's trailing headers
    /// (`x-amz-checksum-crc32`, …), names lowercased.
    public mutating func finish() throws(SigV4Failure) -> [String: String] {
        switch check {
        case .hash(let hash):
            try hash.finish()
            return [:]
        case .chunked(var decoder):
            let trailers = try decoder.finish()
            check = .chunked(decoder)
            return trailers
        }
    }
}
