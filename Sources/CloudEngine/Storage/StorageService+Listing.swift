import Foundation
import GRDB

extension StorageService {
    /// ListObjectsV2: keys in byte order, prefixes rolled up at the delimiter, paged by key.
    ///
    /// Each step is an index seek (`key > ? ORDER BY key LIMIT n`), and a rolled-up
    /// folder is skipped in one seek, so a page costs the same at the start or
    /// the middle of a bucket of a million objects.
    public func listObjects(bucket: String, request: ListObjectsRequest = ListObjectsRequest(),
                            caller: Caller) throws -> ListObjectsPage {
        guard request.maxKeys >= 0 else {
            throw EngineError.invalidArgument("max-keys must be 0 or more (got \(request.maxKeys)).")
        }
        if let delimiter = request.delimiter, delimiter.isEmpty {
            return try listObjects(bucket: bucket, request: ListObjectsRequest(
                prefix: request.prefix, delimiter: nil, maxKeys: request.maxKeys,
                continuationToken: request.continuationToken, startAfter: request.startAfter), caller: caller)
        }
        let start = try ListCursor.start(request: request)
        var context: [String: [String]] = ["s3:prefix": [request.prefix], "s3:max-keys": [String(request.maxKeys)]]
        if let delimiter = request.delimiter { context["s3:delimiter"] = [delimiter] }
        return try account.read { db in
            _ = try requireBucket(bucket, db)
            try account.authorize(caller, "s3:ListBucket", bucketARN(bucket), context: context, db: db)
            let walker = ListWalker(bucket: bucket, prefix: Data(request.prefix.utf8),
                                    delimiter: request.delimiter.map { Data($0.utf8) }, db: db)
            return try walker.page(from: start, maxKeys: min(request.maxKeys, 1000))
        }
    }
}

/// Where a listing resumes: after a key, or from the first key past a rolled-up prefix.
struct ListCursor: Equatable {
    var key: Data
    /// True when `key` itself may be listed (a position past a roll-up); false after a listed key.
    var inclusive: Bool

    static func start(request: ListObjectsRequest) throws -> ListCursor? {
        if let token = request.continuationToken {
            guard let decoded = decode(token) else {
                throw EngineError.invalidArgument("The continuation token provided is incorrect.")
            }
            return decoded
        }
        if let startAfter = request.startAfter, !startAfter.isEmpty {
            return ListCursor(key: Data(startAfter.utf8), inclusive: false)
        }
        return nil
    }

    /// An opaque token, as S3's are: base64 of a marker byte and the position.
    var token: String {
        var bytes = Data([inclusive ? 2 : 1])
        bytes.append(key)
        return bytes.base64EncodedString()
    }

    static func decode(_ token: String) -> ListCursor? {
        guard let data = Data(base64Encoded: token), let marker = data.first, marker == 1 || marker == 2,
              data.count > 1 else { return nil }
        return ListCursor(key: Data(data.dropFirst()), inclusive: marker == 2)
    }
}

/// Walks the objects index of one bucket under a prefix, rolling up at the delimiter.
struct ListWalker {
    let bucket: String
    let prefix: Data
    let delimiter: Data?
    let db: Database
    private let upper: Data?

    init(bucket: String, prefix: Data, delimiter: Data?, db: Database) {
        self.bucket = bucket
        self.prefix = prefix
        self.delimiter = delimiter
        self.db = db
        self.upper = ObjectKey.successor(ofPrefix: prefix)
    }

    func page(from start: ListCursor?, maxKeys: Int) throws -> ListObjectsPage {
        var objects: [ObjectSummary] = []
        var prefixes: [String] = []
        var cursor = start ?? ListCursor(key: prefix, inclusive: true)
        if cursor.key.lexicographicallyPrecedes(prefix) { cursor = ListCursor(key: prefix, inclusive: true) }
        // S3 lists a folder only if its name sorts after start-after (or the token's key).
        let floor = cursor.inclusive ? nil : cursor.key
        var exhausted = false
        scan: while objects.count + prefixes.count < maxKeys {
            let want = min(maxKeys - objects.count - prefixes.count, 1000)
            // A cursor, not an array: after a roll-up the rest of the batch is never read.
            let rows = try fetch(from: cursor, limit: want)
            var seen = 0
            while let row = try rows.next() {
                seen += 1
                let key: Data = row["key"]
                if let rolled = rollUp(key) {
                    let listed = floor.map { $0.lexicographicallyPrecedes(rolled) } ?? true
                    if listed { prefixes.append(ObjectKey.string(rolled)) }
                    guard let next = ObjectKey.successor(ofPrefix: rolled) else {
                        exhausted = true
                        break scan
                    }
                    cursor = ListCursor(key: next, inclusive: true)
                    continue scan
                }
                objects.append(ObjectSummary(
                    key: ObjectKey.string(key), size: row["size"], etag: row["etag"],
                    storageClass: row["storage_class"], lastModified: Date(timeIntervalSince1970: row["last_modified"])))
                cursor = ListCursor(key: key, inclusive: false)
            }
            if seen < want {
                exhausted = true
                break
            }
        }
        // A full page is truncated only if some key lies beyond where it stopped.
        var more = false
        if !exhausted && maxKeys > 0 { more = try fetch(from: cursor, limit: 1).next() != nil }
        return ListObjectsPage(objects: objects, commonPrefixes: prefixes, isTruncated: more,
                               nextContinuationToken: more ? cursor.token : nil)
    }

    /// The common prefix `key` rolls up into, or nil when it is listed as itself.
    private func rollUp(_ key: Data) -> Data? {
        guard let delimiter, !delimiter.isEmpty, key.count > prefix.count else { return nil }
        let rest = key[(key.startIndex + prefix.count)...]
        guard let found = rest.firstRange(of: delimiter) else { return nil }
        return Data(key[key.startIndex..<found.upperBound])
    }

    private func fetch(from cursor: ListCursor, limit: Int) throws -> RowCursor {
        let op = cursor.inclusive ? ">=" : ">"
        let columns = "key, size, etag, storage_class, last_modified"
        if let upper {
            return try Row.fetchCursor(db.cachedStatement(sql:
                "SELECT \(columns) FROM objects WHERE bucket = ? AND key \(op) ? AND key < ? ORDER BY key LIMIT ?"),
                arguments: [bucket, cursor.key, upper, limit])
        }
        return try Row.fetchCursor(db.cachedStatement(sql:
            "SELECT \(columns) FROM objects WHERE bucket = ? AND key \(op) ? ORDER BY key LIMIT ?"),
            arguments: [bucket, cursor.key, limit])
    }
}
