/// The parameters of ListObjectsV2.
public struct ListObjectsRequest: Sendable, Equatable {
    public var prefix: String
    public var delimiter: String?
    /// At most 1,000; more is treated as 1,000, as S3 does.
    public var maxKeys: Int
    public var continuationToken: String?
    public var startAfter: String?

    public init(prefix: String = "", delimiter: String? = nil, maxKeys: Int = 1000,
                continuationToken: String? = nil, startAfter: String? = nil) {
        self.prefix = prefix
        self.delimiter = delimiter
        self.maxKeys = maxKeys
        self.continuationToken = continuationToken
        self.startAfter = startAfter
    }
}

/// One page of ListObjectsV2.
public struct ListObjectsPage: Sendable, Equatable {
    public var objects: [ObjectSummary]
    /// Prefixes rolled up at the delimiter (the console's folders), in byte order.
    public var commonPrefixes: [String]
    public var isTruncated: Bool
    /// Pass back as `continuationToken` for the next page; nil on the last page.
    public var nextContinuationToken: String?

    /// Objects plus common prefixes, as S3 counts `KeyCount`.
    public var keyCount: Int { objects.count + commonPrefixes.count }
}
