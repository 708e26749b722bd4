import AWSSignature
import CloudEngine
import Crypto
import Foundation

/// An upload's body with the digests its headers declare checked as it passes: `Content-MD5` and the
/// `x-amz-checksum-*` headers boto3 and the aws CLI send. A mismatch is thrown at the end of the body, before the
/// engine commits anything (BadDigest, as S3).
struct DigestCheckingBody<Source: ObjectBodySource>: ObjectBodySource {
    private var source: Source
    private var md5: (expected: String, hash: Insecure.MD5)?
    private var checksums: [(expected: String, checksum: PayloadChecksum)]

    init(_ source: Source, request: APIRequest) {
        self.source = source
        md5 = request.header("content-md5").map { ($0, Insecure.MD5()) }
        checksums = S3Objects.declaredChecksums(request).compactMap { declared in
            ChecksumAlgorithm(headerName: declared.name).map { (declared.value, PayloadChecksum($0)) }
        }
    }

    mutating func read(maxCount: Int) throws -> Data {
        let piece = try source.read(maxCount: maxCount)
        if piece.isEmpty {
            try finish()
            return piece
        }
        md5?.hash.update(data: piece)
        for index in checksums.indices { checksums[index].checksum.update(piece) }
        return piece
    }

    private func finish() throws {
        if let md5, Data(md5.hash.finalize()).base64EncodedString() != md5.expected {
            throw EngineError(code: "BadDigest", httpStatus: 400, message: "The Content-MD5 you specified did not match what we received.")
        }
        for (expected, checksum) in checksums where checksum.base64 != expected {
            throw EngineError(code: "BadDigest", httpStatus: 400,
                              message: "The \(checksum.algorithm.displayName) you specified did not match the calculated checksum.")
        }
    }
}
