import CloudEngine
import Foundation
import Hummingbird

/// Which request bodies stream to the engine instead of being read whole, and the task that feeds them.
enum BodyStreaming {
    /// Bodies above this many bytes stream.
    static let threshold = 1 << 20

    /// S3 uploads (PutObject, UploadPart) larger than `threshold`, or of unknown length, stream; everything else is
    /// small and read whole. Only S3 takes unsigned requests and only S3 has large bodies.
    static func streams(_ request: APIRequest) -> Bool {
        guard request.method == "PUT", request.header("x-amz-copy-source") == nil,
              FunctionURLAddress.match(request) == nil else { return false }
        let service = ServiceName.signed(request) ?? .s3
        guard service == .s3 else { return false }
        guard let length = request.header("content-length").flatMap(Int.init) else { return true }
        return length > threshold
    }

    /// Feeds the connection's body into `stream` until it ends, the client goes away, or the engine gives up.
    static func pump(_ body: RequestBody, into stream: RequestBodyStream) async {
        do {
            for try await buffer in body {
                guard await stream.push(Data(buffer.readableBytesView)) else { return }
            }
            stream.finish()
        } catch {
            stream.fail(EngineError(code: "IncompleteBody", httpStatus: 400,
                                    message: "You did not provide the number of bytes specified by the Content-Length HTTP header."))
        }
    }
}
