import Foundation

/// What PutObject takes besides the body.
public struct PutObjectOptions {
    /// Nil guesses from the key's extension.
    public var contentType: String?
    public var metadata: [String: String]
    /// Cache-Control, Content-Encoding, Content-Disposition, Content-Language, Expires.
    public var headers: [String: String]
    public var storageClass: String?
    /// Told the total bytes read so far, after each chunk.
    public var progress: ((Int64) -> Void)?

    public init(contentType: String? = nil, metadata: [String: String] = [:], headers: [String: String] = [:],
                storageClass: String? = nil, progress: ((Int64) -> Void)? = nil) {
        self.contentType = contentType
        self.metadata = metadata
        self.headers = headers
        self.storageClass = storageClass
        self.progress = progress
    }
}
