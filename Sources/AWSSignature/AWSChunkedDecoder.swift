import Crypto

/// Decodes an `aws-chunked` body incrementally: chunks may arrive split across reads at any byte.
///
/// For signed chunks each chunk's signature is checked against the previous one (the first against the seed,
/// the request's own signature); for `STREAMING-UNSIGNED-PAYLOAD-TRAILER` there are no chunk signatures.
/// Trailing headers (e.g. `x-amz-checksum-crc32`) are returned by `finish()`.
///
/// Memory is bounded: payload bytes pass straight through; only a chunk-header or trailer line is buffered.
/// A chunk's bytes are returned before its signature (which follows them) can be checked, so do not commit
/// anything until `finish()` has returned.
///
/// Not `Sendable`: swift-crypto's running hashes are not. Keep one decoder in the task that reads the body.
public struct AWSChunkedDecoder {
    /// The longest chunk-header or trailer line accepted.
    public static let maximumLineLength = 4096

    private enum State {
        case header
        case data(remaining: Int)
        case dataEnd(seenCR: Bool)
        case trailers
        case finalCRLF(seenCR: Bool)
        case done
    }

    private let context: ChunkSigningContext?
    private let hasTrailer: Bool
    private let expectedLength: Int?
    private var previousSignature: String
    private var chunkSignature = ""
    private var chunkHash = SHA256()
    private var state = State.header
    private var line: [UInt8] = []
    private var decodedLength = 0
    private var trailers: [(name: String, value: String)] = []
    private var trailerSignature: String?
    private var checksum: PayloadChecksum?
    private let checksumTrailer: String?

    /// A decoder for the body of `request` (verified with one of the aws-chunked kinds of payload): checks its
    /// decoded length and the checksum its `x-amz-trailer` announces.
    public init(for request: VerifiedRequest) {
        self.init(payload: request.payload, decodedContentLength: request.decodedContentLength, trailer: request.trailer)
    }

    /// A decoder for a body whose request verified with `payload` (one of the aws-chunked kinds).
    /// `decodedContentLength`, when given (the `x-amz-decoded-content-length` header), is checked by `finish()`;
    /// so is the checksum when `trailer` (the `x-amz-trailer` header) names one (`x-amz-checksum-crc32`, …).
    public init(payload: PayloadSigning, decodedContentLength: Int? = nil, trailer: String? = nil) {
        checksum = trailer.flatMap(ChecksumAlgorithm.init(headerName:)).map(PayloadChecksum.init)
        checksumTrailer = trailer?.lowercased()
        switch payload {
        case .streamingSigned(let seed, let context, let hasTrailer):
            self.context = context
            self.hasTrailer = hasTrailer
            previousSignature = seed
        case .streamingUnsignedTrailer:
            context = nil
            hasTrailer = true
            previousSignature = ""
        case .sha256, .unsigned:
            // Not aws-chunked: decode as unsigned chunks with an optional trailer, so a wrong call still parses.
            context = nil
            hasTrailer = true
            previousSignature = ""
        }
        expectedLength = decodedContentLength
    }

    /// Feeds the next bytes of the body; returns the payload bytes they complete.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(SigV4Failure) -> [UInt8] {
        let input = Array(bytes)
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            switch state {
            case .data(let remaining):
                let take = min(remaining, input.count - index)
                let slice = input[index..<(index + take)]
                output.append(contentsOf: slice)
                checksum?.update(slice)
                if context != nil { chunkHash.update(data: slice) }
                index += take
                decodedLength += take
                if take == remaining {
                    try checkChunkSignature()
                    state = .dataEnd(seenCR: false)
                } else {
                    state = .data(remaining: remaining - take)
                }
            case .dataEnd(let seenCR), .finalCRLF(let seenCR):
                let byte = input[index]
                index += 1
                let isFinal = if case .finalCRLF = state { true } else { false }
                if !seenCR {
                    guard byte == UInt8(ascii: "\r") else { throw .incompleteBody("a chunk is not followed by CRLF") }
                    state = isFinal ? .finalCRLF(seenCR: true) : .dataEnd(seenCR: true)
                } else {
                    guard byte == UInt8(ascii: "\n") else { throw .incompleteBody("a chunk is not followed by CRLF") }
                    state = isFinal ? .done : .header
                }
            case .header, .trailers:
                let byte = input[index]
                index += 1
                if byte == UInt8(ascii: "\n"), line.last == UInt8(ascii: "\r") {
                    line.removeLast()
                    let text = String(decoding: line, as: UTF8.self)
                    line.removeAll(keepingCapacity: true)
                    if case .header = state { try headerLine(text) } else { try trailerLine(text) }
                } else {
                    guard line.count < Self.maximumLineLength else { throw .incompleteBody("a chunk header is too long") }
                    line.append(byte)
                }
            case .done:
                throw .incompleteBody("bytes after the final chunk")
            }
        }
        return output
    }

    /// Ends the body: throws if it stopped before its final chunk; returns the trailing headers (names lowercased).
    public mutating func finish() throws(SigV4Failure) -> [String: String] {
        guard case .done = state else { throw .incompleteBody("the body ended before its final chunk") }
        if let expectedLength, expectedLength != decodedLength {
            throw .incompleteBody("x-amz-decoded-content-length is \(expectedLength) but the chunks hold \(decodedLength) bytes")
        }
        var result: [String: String] = [:]
        for trailer in trailers { result[trailer.name] = trailer.value }
        if let checksum, let checksumTrailer {
            guard let sent = result[checksumTrailer] else {
                throw .incompleteBody("the body has no \(checksumTrailer) trailer, which x-amz-trailer announced")
            }
            guard sent == checksum.base64 else { throw .checksumMismatch(checksum.algorithm) }
        }
        return result
    }

    /// "<hex size>[;chunk-signature=<signature>]"
    private mutating func headerLine(_ text: String) throws(SigV4Failure) {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        let sizeText = parts[0].trimmingSpaces
        guard !sizeText.isEmpty, sizeText.utf8.count <= 15, let size = Int(sizeText, radix: 16), size >= 0 else {
            throw .incompleteBody("the chunk size \"\(sizeText)\" is not hexadecimal")
        }
        if context != nil {
            let prefix = "chunk-signature="
            guard let signature = parts.dropFirst().first(where: { $0.trimmingSpaces.hasPrefix(prefix) }) else {
                throw .incompleteBody("a chunk has no chunk-signature")
            }
            chunkSignature = String(signature.trimmingSpaces.dropFirst(prefix.count))
            chunkHash = SHA256()
        }
        if size > 0 {
            state = .data(remaining: size)
            return
        }
        try checkChunkSignature()
        state = hasTrailer ? .trailers : .finalCRLF(seenCR: false)
    }

    /// "name:value", or the empty line that ends the trailers.
    private mutating func trailerLine(_ text: String) throws(SigV4Failure) {
        guard !text.isEmpty else {
            try checkTrailerSignature()
            state = .done
            return
        }
        guard let colon = text.firstIndex(of: ":") else { throw .incompleteBody("a trailer is not name:value") }
        let name = text[..<colon].trimmingSpaces.lowercased()
        let value = String(text[text.index(after: colon)...].trimmingSpaces)
        if name == "x-amz-trailer-signature" {
            trailerSignature = value
        } else {
            guard trailers.count < 16 else { throw .incompleteBody("too many trailers") }
            trailers.append((name, value))
        }
    }

    /// AWS4-HMAC-SHA256-PAYLOAD: date, scope, previous signature, hash of "", hash of the chunk's data.
    private mutating func checkChunkSignature() throws(SigV4Failure) {
        guard let context else { return }
        let stringToSign = [
            "AWS4-HMAC-SHA256-PAYLOAD", context.amzDate, context.scope, previousSignature,
            SigningMath.emptySHA256, SigningMath.hex(chunkHash.finalize()),
        ].joined(separator: "\n")
        let expected = SigningMath.signature(key: context.signingKey, stringToSign: stringToSign)
        guard SigningMath.constantTimeEqual(expected, chunkSignature) else {
            throw .signatureDoesNotMatch(stringToSign: stringToSign, canonicalRequest: "")
        }
        previousSignature = expected
    }

    /// AWS4-HMAC-SHA256-TRAILER: date, scope, previous signature, hash of the trailers as "name:value\n" lines.
    private func checkTrailerSignature() throws(SigV4Failure) {
        guard let context else { return }
        guard let trailerSignature else { throw .incompleteBody("the trailers have no x-amz-trailer-signature") }
        let canonical = trailers.map { "\($0.name):\($0.value)\n" }.joined()
        let stringToSign = [
            "AWS4-HMAC-SHA256-TRAILER", context.amzDate, context.scope, previousSignature,
            SigningMath.sha256Hex(canonical),
        ].joined(separator: "\n")
        let expected = SigningMath.signature(key: context.signingKey, stringToSign: stringToSign)
        guard SigningMath.constantTimeEqual(expected, trailerSignature) else {
            throw .signatureDoesNotMatch(stringToSign: stringToSign, canonicalRequest: "")
        }
    }
}

/// Checks a body against the SHA-256 declared in `x-amz-content-sha256`, as it is read.
public struct PayloadHashCheck {
    private let expected: String?
    private var hash = SHA256()

    /// A check for a request verified with `payload`; `.unsigned` and the aws-chunked kinds always pass here.
    public init(payload: PayloadSigning) {
        if case .sha256(let hex) = payload { expected = hex } else { expected = nil }
    }

    public mutating func update(_ bytes: some Collection<UInt8>) {
        guard expected != nil else { return }
        if bytes.withContiguousStorageIfAvailable({ hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }) != nil { return }
        hash.update(data: Array(bytes))
    }

    /// Throws `invalidPayloadHash` when the bytes read do not have the declared hash.
    public func finish() throws(SigV4Failure) {
        guard let expected else { return }
        guard SigningMath.constantTimeEqual(SigningMath.hex(hash.finalize()), expected) else { throw .invalidPayloadHash }
    }
}
