import Foundation

/// An object's validated metadata, ready to store: content type, user metadata, headers, storage class.
struct ObjectMetadataInput {
    /// S3 limits user metadata (names and values, as UTF-8) to 2 KB.
    static let userMetadataLimit = 2048

    let contentType: String
    let metadata: [String: String]
    let headers: [String: String]
    let storageClass: String

    init(options: PutObjectOptions, key: String) throws {
        contentType = options.contentType.flatMap { $0.isEmpty ? nil : $0 } ?? ContentTypes.guess(forKey: key)
        var lowered: [String: String] = [:]
        for (name, value) in options.metadata { lowered[name.lowercased()] = value }
        let bytes = lowered.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        if bytes > Self.userMetadataLimit { throw EngineError.metadataTooLarge(bytes) }
        metadata = lowered
        headers = options.headers
        let storage = options.storageClass ?? "STANDARD"
        guard ObjectInfo.storageClasses.contains(storage) else { throw EngineError.invalidStorageClass(storage) }
        storageClass = storage
    }

    init(copying source: ObjectInfo) {
        contentType = source.contentType
        metadata = source.metadata
        headers = source.headers
        storageClass = source.storageClass
    }

    var metadataJSON: String { Self.encode(metadata) }
    var headersJSON: String { Self.encode(headers) }

    static func encode(_ map: [String: String]) -> String {
        guard !map.isEmpty,
              let data = try? JSONSerialization.data(withJSONObject: map, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String?) -> [String: String] {
        guard let text, text != "{}", let data = text.data(using: .utf8),
              let map = try? JSONSerialization.jsonObject(with: data) as? [String: String] else { return [:] }
        return map
    }
}
