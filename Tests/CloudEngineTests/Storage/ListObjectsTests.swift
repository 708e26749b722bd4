import Foundation
import Testing
@testable import CloudEngine

/// One entry of a listing, in the order S3 returns them: an object or a rolled-up prefix.
enum ListEntry: Equatable, CustomStringConvertible {
    case object(String)
    case prefix(String)

    var text: String {
        switch self {
        case let .object(key), let .prefix(key): return key
        }
    }

    var description: String {
        switch self {
        case let .object(key): return key
        case let .prefix(key): return "[\(key)]"
        }
    }

    /// Objects and prefixes of a page merged in byte order, as they lie in the key space.
    static func merged(_ page: ListObjectsPage) -> [ListEntry] {
        (page.objects.map { ListEntry.object($0.key) } + page.commonPrefixes.map { ListEntry.prefix($0) })
            .sorted { Array($0.text.utf8).lexicographicallyPrecedes(Array($1.text.utf8)) }
    }
}

/// ListObjectsV2 computed the slow, obvious way: sort by UTF-8 bytes, filter, roll up.
enum ReferenceListing {
    static func entries(keys: [String], prefix: String, delimiter: String?, startAfter: String? = nil) -> [ListEntry] {
        let prefixBytes = Array(prefix.utf8)
        let startBytes = startAfter.map { Array($0.utf8) }
        let sorted = Set(keys.map { Array($0.utf8) }).sorted { $0.lexicographicallyPrecedes($1) }
        var result: [ListEntry] = []
        for key in sorted {
            guard key.starts(with: prefixBytes) else { continue }
            if let startBytes, !startBytes.lexicographicallyPrecedes(key) { continue }
            if let delimiter, !delimiter.isEmpty, let end = firstEnd(of: Array(delimiter.utf8), in: key, from: prefixBytes.count) {
                let rolled = ListEntry.prefix(String(decoding: key[..<end], as: UTF8.self))
                if result.last != rolled { result.append(rolled) }
            } else {
                result.append(.object(String(decoding: key, as: UTF8.self)))
            }
        }
        return result
    }

    /// The end index of the first occurrence of `needle` in `bytes` at or after `from`.
    static func firstEnd(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count - from >= needle.count else { return nil }
        for start in from...(bytes.count - needle.count) where Array(bytes[start..<(start + needle.count)]) == needle {
            return start + needle.count
        }
        return nil
    }
}

@Suite("ListObjectsV2")
struct ListObjectsTests {
    let env: TestAccount
    var storage: StorageService { env.storage }

    init() throws {
        env = try TestAccount()
        try env.storage.createBucket("bkt", caller: .root)
    }

    func list(_ request: ListObjectsRequest = ListObjectsRequest()) throws -> ListObjectsPage {
        try storage.listObjects(bucket: "bkt", request: request, caller: .root)
    }

    func keys(_ request: ListObjectsRequest = ListObjectsRequest()) throws -> [String] {
        try list(request).objects.map(\.key)
    }

    /// Every page of a listing, following continuation tokens.
    func allPages(_ request: ListObjectsRequest) throws -> [ListObjectsPage] {
        var pages: [ListObjectsPage] = []
        var next = request
        while true {
            let page = try list(next)
            pages.append(page)
            guard let token = page.nextContinuationToken else { break }
            next.continuationToken = token
            if pages.count > 10_000 { Issue.record("listing never ended"); break }
        }
        return pages
    }

    // MARK: - Order, prefix, delimiter

    @Test("Keys come back in UTF-8 byte order: uppercase, lowercase, then é, then emoji")
    func byteOrder() throws {
        try storage.put("bkt", keys: ["b", "é", "a", "😀", "Z", "z", "A", "aa", "a/", "a-"])
        #expect(try keys() == ["A", "Z", "a", "a-", "a/", "aa", "b", "z", "é", "😀"])
    }

    @Test("A listing's summaries carry size, ETag, storage class and time")
    func summaryFields() throws {
        try storage.put("bkt", "k", "hello", options: PutObjectOptions(storageClass: "GLACIER"))
        let summary = try #require(list().objects.first)
        #expect(summary == ObjectSummary(key: "k", size: 5, etag: "5d41402abc4b2a76b9719d911017c592",
                                         storageClass: "GLACIER", lastModified: env.clock.now()))
    }

    @Test("An empty bucket lists nothing and is not truncated")
    func emptyBucket() throws {
        let page = try list()
        #expect(page.objects.isEmpty && page.commonPrefixes.isEmpty)
        #expect(!page.isTruncated && page.nextContinuationToken == nil)
    }

    @Test("A prefix keeps only keys starting with it")
    func prefix() throws {
        try storage.put("bkt", keys: ["photos/1.jpg", "photos/2.jpg", "photosx", "photo", "docs/a"])
        #expect(try keys(ListObjectsRequest(prefix: "photos/")) == ["photos/1.jpg", "photos/2.jpg"])
    }

    @Test("A prefix matching nothing lists nothing")
    func prefixNoMatch() throws {
        try storage.put("bkt", keys: ["a", "b"])
        #expect(try list(ListObjectsRequest(prefix: "zz")).keyCount == 0)
    }

    @Test("Delimiter / lists folders as common prefixes beside the objects")
    func foldersAndObjects() throws {
        try storage.put("bkt", keys: ["a.txt", "photos/1.jpg", "photos/2.jpg", "photos/2024/x.jpg", "docs/readme", "z.txt"])
        let page = try list(ListObjectsRequest(delimiter: "/"))
        #expect(page.objects.map(\.key) == ["a.txt", "z.txt"])
        #expect(page.commonPrefixes == ["docs/", "photos/"])
    }

    @Test("Prefix plus delimiter lists one folder level of a nested tree")
    func nestedFolders() throws {
        try storage.put("bkt", keys: ["photos/1.jpg", "photos/2.jpg", "photos/2024/x.jpg", "photos/2024/jan/y.jpg", "photos/2025/z.jpg"])
        let page = try list(ListObjectsRequest(prefix: "photos/", delimiter: "/"))
        #expect(page.objects.map(\.key) == ["photos/1.jpg", "photos/2.jpg"])
        #expect(page.commonPrefixes == ["photos/2024/", "photos/2025/"])
    }

    @Test("A prefix without its trailing delimiter rolls up the folder itself")
    func prefixWithoutTrailingDelimiter() throws {
        try storage.put("bkt", keys: ["photos/1.jpg", "photos.txt"])
        let page = try list(ListObjectsRequest(prefix: "photos", delimiter: "/"))
        #expect(page.objects.map(\.key) == ["photos.txt"])
        #expect(page.commonPrefixes == ["photos/"])
    }

    @Test("A delimiter other than / rolls up at that character")
    func dashDelimiter() throws {
        try storage.put("bkt", keys: ["log-2024-01", "log-2024-02", "log", "x-y", "plain"])
        let page = try list(ListObjectsRequest(delimiter: "-"))
        #expect(page.objects.map(\.key) == ["log", "plain"])
        #expect(page.commonPrefixes == ["log-", "x-"])
    }

    @Test("A multi-character delimiter rolls up only at the whole delimiter")
    func multiCharacterDelimiter() throws {
        try storage.put("bkt", keys: ["a--b", "a-b", "a--c--d", "x---y"])
        let page = try list(ListObjectsRequest(delimiter: "--"))
        #expect(page.objects.map(\.key) == ["a-b"])
        #expect(page.commonPrefixes == ["a--", "x--"])
    }

    @Test("A non-ASCII delimiter works on bytes")
    func unicodeDelimiter() throws {
        try storage.put("bkt", keys: ["aéb", "aéc", "b"])
        let page = try list(ListObjectsRequest(delimiter: "é"))
        #expect(page.commonPrefixes == ["aé"])
        #expect(page.objects.map(\.key) == ["b"])
    }

    @Test("An empty delimiter is no delimiter")
    func emptyDelimiter() throws {
        try storage.put("bkt", keys: ["a/1", "a/2"])
        let page = try list(ListObjectsRequest(delimiter: ""))
        #expect(page.objects.map(\.key) == ["a/1", "a/2"])
        #expect(page.commonPrefixes.isEmpty)
    }

    @Test("A zero-byte folder object is a common prefix under a delimiter")
    func folderObjectRolledUp() throws {
        try storage.put("bkt", "photos/", "")
        try storage.put("bkt", "photos/1.jpg")
        let page = try list(ListObjectsRequest(delimiter: "/"))
        #expect(page.commonPrefixes == ["photos/"])
        #expect(page.objects.isEmpty)
    }

    @Test("A zero-byte folder object is an object without a delimiter")
    func folderObjectListed() throws {
        try storage.put("bkt", "photos/", "")
        try storage.put("bkt", "photos/1.jpg")
        let page = try list()
        #expect(page.objects.map(\.key) == ["photos/", "photos/1.jpg"])
        #expect(page.objects.first?.size == 0)
    }

    @Test("Inside its own folder, a folder object is listed as an object")
    func folderObjectInsideFolder() throws {
        try storage.put("bkt", "photos/", "")
        try storage.put("bkt", "photos/1.jpg")
        let page = try list(ListObjectsRequest(prefix: "photos/", delimiter: "/"))
        #expect(page.objects.map(\.key) == ["photos/", "photos/1.jpg"])
        #expect(page.commonPrefixes.isEmpty)
    }

    // MARK: - max-keys

    @Test("max-keys limits the page and marks it truncated", arguments: [1, 2])
    func maxKeys(limit: Int) throws {
        try storage.put("bkt", keys: ["a", "b", "c"])
        let page = try list(ListObjectsRequest(maxKeys: limit))
        #expect(page.objects.map(\.key) == Array(["a", "b", "c"].prefix(limit)))
        #expect(page.isTruncated)
        #expect(page.nextContinuationToken != nil)
    }

    @Test("max-keys 1000 returns everything when there is less")
    func maxKeys1000() throws {
        try storage.put("bkt", keys: ["a", "b", "c"])
        let page = try list(ListObjectsRequest(maxKeys: 1000))
        #expect(page.keyCount == 3 && !page.isTruncated)
    }

    @Test("max-keys above 1,000 is treated as 1,000")
    func maxKeysCapped() throws {
        let all = (0..<1003).map { String(format: "k%04d", $0) }
        try storage.put("bkt", keys: all)
        let first = try list(ListObjectsRequest(maxKeys: 5000))
        #expect(first.objects.count == 1000)
        #expect(first.isTruncated)
        let second = try list(ListObjectsRequest(maxKeys: 5000, continuationToken: first.nextContinuationToken))
        #expect(second.objects.map(\.key) == Array(all.suffix(3)))
        #expect(!second.isTruncated)
    }

    @Test("max-keys 0 returns an empty page that is not truncated")
    func maxKeysZero() throws {
        try storage.put("bkt", keys: ["a"])
        let page = try list(ListObjectsRequest(maxKeys: 0))
        #expect(page.keyCount == 0)
        #expect(!page.isTruncated)
        #expect(page.nextContinuationToken == nil)
    }

    @Test("Negative max-keys is InvalidArgument (400)")
    func negativeMaxKeys() throws {
        expectEngineError("InvalidArgument", 400, "max-keys must be 0 or more (got -1)") {
            try list(ListObjectsRequest(maxKeys: -1))
        }
    }

    // MARK: - Truncation and tokens

    @Test("A page that ends exactly at the last key is not truncated")
    func exactEnd() throws {
        try storage.put("bkt", keys: ["a", "b", "c", "d"])
        let page = try list(ListObjectsRequest(maxKeys: 4))
        #expect(!page.isTruncated)
        #expect(page.nextContinuationToken == nil)
    }

    @Test("The second of two exact pages is not truncated")
    func exactSecondPage() throws {
        try storage.put("bkt", keys: ["a", "b", "c", "d"])
        let first = try list(ListObjectsRequest(maxKeys: 2))
        let second = try list(ListObjectsRequest(maxKeys: 2, continuationToken: first.nextContinuationToken))
        #expect(second.objects.map(\.key) == ["c", "d"])
        #expect(!second.isTruncated && second.nextContinuationToken == nil)
    }

    @Test("A page ending on a common prefix with nothing after it is not truncated")
    func exactEndOnPrefix() throws {
        try storage.put("bkt", keys: ["a", "z/1", "z/2"])
        let page = try list(ListObjectsRequest(delimiter: "/", maxKeys: 2))
        #expect(page.commonPrefixes == ["z/"])
        #expect(!page.isTruncated)
    }

    @Test("keyCount counts common prefixes as well as objects")
    func keyCountCountsPrefixes() throws {
        try storage.put("bkt", keys: ["a", "d1/x", "d1/y", "d2/x", "e"])
        let page = try list(ListObjectsRequest(delimiter: "/"))
        #expect(page.keyCount == 4)
    }

    @Test("max-keys counts common prefixes too")
    func maxKeysCountsPrefixes() throws {
        try storage.put("bkt", keys: ["a/1", "b/1", "c/1", "d"])
        let page = try list(ListObjectsRequest(delimiter: "/", maxKeys: 2))
        #expect(page.commonPrefixes == ["a/", "b/"])
        #expect(page.isTruncated)
    }

    @Test("Paging through prefixes and objects returns each exactly once")
    func pagingMixed() throws {
        let keys = ["a", "b/1", "b/2", "b/3", "c", "d/x/1", "d/y", "e", "f/"]
        try storage.put("bkt", keys: keys)
        let pages = try allPages(ListObjectsRequest(delimiter: "/", maxKeys: 2))
        #expect(pages.flatMap(ListEntry.merged) == ReferenceListing.entries(keys: keys, prefix: "", delimiter: "/"))
        #expect(pages.dropLast().allSatisfy { $0.keyCount == 2 && $0.isTruncated })
    }

    @Test("An invalid continuation token is InvalidArgument (400)", arguments: [
        "not base64!", "", Data([3, 65]).base64EncodedString(), Data([1]).base64EncodedString(),
    ])
    func invalidToken(token: String) throws {
        try storage.put("bkt", "a")
        expectEngineError("InvalidArgument", 400, "continuation token provided is incorrect") {
            try list(ListObjectsRequest(continuationToken: token))
        }
    }

    @Test("A continuation token wins over start-after")
    func tokenBeatsStartAfter() throws {
        try storage.put("bkt", keys: ["a", "b", "c", "d"])
        let first = try list(ListObjectsRequest(maxKeys: 1))
        let next = try keys(ListObjectsRequest(continuationToken: first.nextContinuationToken, startAfter: "c"))
        #expect(next == ["b", "c", "d"])
    }

    // MARK: - start-after

    @Test("start-after before the prefix range lists the whole prefix")
    func startAfterBeforePrefix() throws {
        try storage.put("bkt", keys: ["a", "m/1", "m/2", "z"])
        #expect(try keys(ListObjectsRequest(prefix: "m/", startAfter: "b")) == ["m/1", "m/2"])
    }

    @Test("start-after inside the prefix range lists what follows it")
    func startAfterInsidePrefix() throws {
        try storage.put("bkt", keys: ["m/1", "m/2", "m/3"])
        #expect(try keys(ListObjectsRequest(prefix: "m/", startAfter: "m/1")) == ["m/2", "m/3"])
    }

    @Test("start-after between keys need not be a key")
    func startAfterNotAKey() throws {
        try storage.put("bkt", keys: ["m/1", "m/2", "m/3"])
        #expect(try keys(ListObjectsRequest(startAfter: "m/15")) == ["m/2", "m/3"])
    }

    @Test("start-after past the prefix range lists nothing")
    func startAfterPastPrefix() throws {
        try storage.put("bkt", keys: ["m/1", "m/2", "z"])
        let page = try list(ListObjectsRequest(prefix: "m/", startAfter: "n"))
        #expect(page.keyCount == 0 && !page.isTruncated)
    }

    @Test("start-after on a key skips past it and its folder siblings before it")
    func startAfterWithDelimiter() throws {
        try storage.put("bkt", keys: ["a/1", "b/1", "c"])
        let page = try list(ListObjectsRequest(delimiter: "/", startAfter: "a/9"))
        #expect(page.commonPrefixes == ["b/"])
        #expect(page.objects.map(\.key) == ["c"])
    }

    @Test("start-after equal to a common prefix skips that whole folder")
    func startAfterOnCommonPrefix() throws {
        // S3 lists a common prefix only when it sorts after start-after (as its NextMarker of "boo/" relies on).
        try storage.put("bkt", keys: ["asdf", "boo/bar", "boo/baz/xyzzy", "cquux/thud", "cquux/bla"])
        let page = try list(ListObjectsRequest(delimiter: "/", maxKeys: 1, startAfter: "boo/"))
        #expect(page.commonPrefixes == ["cquux/"])
        #expect(!page.isTruncated)
    }

    // MARK: - Against the reference

    static func randomKeys(seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        let parts = ["a", "b", "/", "-", "é", "Z", "😀", "ab", "--", "x/"]
        return (0..<45).map { _ in
            (0..<Int.random(in: 1...6, using: &random)).map { _ in parts.randomElement(using: &random)! }.joined()
        }
    }

    @Test("Every page size, prefix and delimiter matches the brute-force listing", arguments: [1, 2, 3, 4] as [UInt64])
    func matchesReference(seed: UInt64) throws {
        let keys = Self.randomKeys(seed: seed)
        try storage.put("bkt", keys: keys)
        for prefix in ["", "a", "a/", "b-", "é", "Z", "ab"] {
            for delimiter in [nil, "/", "-", "a/", "--", "é"] as [String?] {
                let expected = ReferenceListing.entries(keys: keys, prefix: prefix, delimiter: delimiter)
                for pageSize in 1...7 {
                    let pages = try allPages(ListObjectsRequest(prefix: prefix, delimiter: delimiter, maxKeys: pageSize))
                    let got = pages.flatMap(ListEntry.merged)
                    #expect(got == expected, "prefix \(prefix) delimiter \(delimiter ?? "nil") page \(pageSize)")
                    #expect(pages.dropLast().allSatisfy { $0.keyCount == pageSize && $0.isTruncated })
                    #expect(pages.last?.isTruncated == false)
                }
            }
        }
    }

    @Test("start-after matches the brute-force listing", arguments: [5, 6] as [UInt64])
    func startAfterMatchesReference(seed: UInt64) throws {
        let keys = Self.randomKeys(seed: seed)
        try storage.put("bkt", keys: keys)
        var random = SeededRandom(seed: seed)
        let starts = (0..<8).map { _ in keys.randomElement(using: &random)! } + ["", "a", "a/z", "é", "\u{10FFFF}"]
        for prefix in ["", "a", "b"] {
            for start in starts {
                let expected = ReferenceListing.entries(keys: keys, prefix: prefix, delimiter: nil,
                                                        startAfter: start.isEmpty ? nil : start)
                for pageSize in [1, 3, 1000] {
                    let pages = try allPages(ListObjectsRequest(prefix: prefix, maxKeys: pageSize, startAfter: start))
                    #expect(pages.flatMap(ListEntry.merged) == expected, "prefix \(prefix) start-after \(start) page \(pageSize)")
                }
            }
        }
    }
}
