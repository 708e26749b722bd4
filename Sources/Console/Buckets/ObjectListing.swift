import CloudEngine
import Foundation
import TerminalUI

/// Which folder of which bucket the object browser lists, and whether it is too big to hold in memory.
public struct ObjectQuery: Sendable, Hashable {
    public var bucket: String
    /// The folder, ending in `/`, or "" for the bucket's root.
    public var prefix: String
    /// Nil until the first page says; true when the folder has more than `ObjectListing.completeLimit` entries.
    public var large: Bool?

    public init(bucket: String, prefix: String, large: Bool? = nil) {
        self.bucket = bucket
        self.prefix = prefix
        self.large = large
    }
}

/// One row of the object browser: a folder (a common prefix) or an object.
struct ObjectEntry: Equatable {
    var key: String
    var isFolder: Bool
    var size: Int64
    var lastModified: Date?
    var storageClass: String
}

/// The object browser's rows, a page at a time, over ListObjectsV2 and nothing else.
///
/// A folder of up to `completeLimit` entries is read whole, so it can be
/// sorted by size or date and filtered by substring. A larger one is paged
/// by key: forwards with `startAfter`, backwards (PgUp past the window,
/// `G`) by bisecting the key space between a point known to have too many
/// rows before the target and one known to have too few. Either way no
/// request reads more than two screens of rows, and none uses an offset.
struct ObjectListing: RowSource {
    typealias ID = String
    static let completeLimit = 1000

    let query: ObjectQuery
    let list: (ListObjectsRequest) throws -> ListObjectsPage

    func page(_ request: PageRequest<String>) throws -> RowPage<String> {
        try load(request).page
    }

    /// The page `request` asks for, and whether the folder turned out to be large.
    func load(_ request: PageRequest<String>) throws -> (page: RowPage<String>, large: Bool) {
        if query.large == true { return (try pagedLoad(request), true) }
        let (all, more) = try forward(listPrefix: query.prefix, after: nil, limit: Self.completeLimit)
        if more {
            return (try pagedLoad(request), true)
        }
        var entries = all
        let filter = request.query.filter
        if !filter.isEmpty {
            entries = entries.filter { name(of: $0).range(of: filter, options: .caseInsensitive) != nil }
        }
        if let sort = request.query.sort { entries = Self.sorted(entries, by: sort) }
        let rows = entries.map(row)
        let plain = PageRequest(request.position, limit: request.limit)
        return (InMemoryRowSource(rows: rows).page(plain), false)
    }

    // MARK: - Rows

    func name(of entry: ObjectEntry) -> String {
        String(entry.key.dropFirst(query.prefix.count))
    }

    func row(_ entry: ObjectEntry) -> TableRow<String> {
        if entry.isFolder {
            return TableRow(id: entry.key, cells: [name(of: entry), "folder", "", ""], role: .link)
        }
        return TableRow(id: entry.key, cells: [name(of: entry), Formatting.bytes(entry.size),
                                               entry.lastModified.map(ConsoleFormat.dateTime) ?? "", entry.storageClass])
    }

    static func sorted(_ entries: [ObjectEntry], by sort: TableSort) -> [ObjectEntry] {
        let folders = entries.filter(\.isFolder)
        let objects = entries.filter { !$0.isFolder }
        func ordered(_ list: [ObjectEntry]) -> [ObjectEntry] {
            let ascending = list.sorted { a, b in
                switch sort.column {
                case 1 where a.size != b.size: return a.size < b.size
                case 2 where a.lastModified != b.lastModified:
                    return (a.lastModified ?? .distantPast) < (b.lastModified ?? .distantPast)
                default: return KeyOrder.precedes(a.key, b.key)
                }
            }
            return sort.ascending ? ascending : ascending.reversed()
        }
        return ordered(folders) + ordered(objects)
    }

    // MARK: - Keyset paging (large folders)

    private func pagedLoad(_ request: PageRequest<String>) throws -> RowPage<String> {
        // In a large folder the filter is a prefix of the name: the only filter an index can answer.
        let prefix = query.prefix + request.query.filter
        let n = request.limit
        switch request.position {
        case .first:
            let (entries, more) = try forward(listPrefix: prefix, after: nil, limit: n)
            return RowPage(rows: entries.map(row), hasMoreBefore: false, hasMoreAfter: more)
        case .after(let id):
            let (entries, more) = try forward(listPrefix: prefix, after: Self.resumeKey(after: id), limit: n)
            return RowPage(rows: entries.map(row), hasMoreBefore: true, hasMoreAfter: more)
        case .before(let id):
            let (entries, more) = try backward(listPrefix: prefix, before: id, limit: n)
            return RowPage(rows: entries.map(row), hasMoreBefore: more, hasMoreAfter: true)
        case .last:
            let (entries, more) = try backward(listPrefix: prefix, before: nil, limit: n)
            return RowPage(rows: entries.map(row), hasMoreBefore: more, hasMoreAfter: false)
        case .around(let id):
            let (before, moreBefore) = try backward(listPrefix: prefix, before: id, limit: n / 2)
            let (after, moreAfter) = try forward(listPrefix: prefix, after: before.last.map { Self.resumeKey(after: $0.key) },
                                                 limit: n - before.count)
            return RowPage(rows: (before + after).map(row), hasMoreBefore: moreBefore, hasMoreAfter: moreAfter)
        }
    }

    /// Where to resume after the row `id`: past every key in a folder, or just past an object's key.
    static func resumeKey(after id: String) -> String {
        id.hasSuffix("/") ? id + String(KeyOrder.maxScalar) : id
    }

    /// Up to `limit` entries after `after` (nil: from the start), and whether more follow.
    func forward(listPrefix: String, after: String?, limit: Int) throws -> ([ObjectEntry], Bool) {
        var entries: [ObjectEntry] = []
        var token: String?
        while true {
            let want = min(1000, limit - entries.count + 1)
            let page = try list(ListObjectsRequest(prefix: listPrefix, delimiter: "/", maxKeys: want,
                                                   continuationToken: token, startAfter: token == nil ? after : nil))
            entries += merge(page)
            if entries.count > limit { return (Array(entries.prefix(limit)), true) }
            guard page.isTruncated, let next = page.nextContinuationToken else {
                return (entries, false)
            }
            token = next
        }
    }

    /// Objects and folders of one page in key order, without the folder's own marker object.
    private func merge(_ page: ListObjectsPage) -> [ObjectEntry] {
        var result: [ObjectEntry] = []
        result.reserveCapacity(page.keyCount)
        var objects = page.objects[...]
        var folders = page.commonPrefixes[...]
        while let object = objects.first {
            if let folder = folders.first, KeyOrder.precedes(folder, object.key) {
                result.append(ObjectEntry(key: folder, isFolder: true, size: 0, lastModified: nil, storageClass: ""))
                folders = folders.dropFirst()
                continue
            }
            objects = objects.dropFirst()
            if object.key == query.prefix { continue }
            result.append(ObjectEntry(key: object.key, isFolder: false, size: object.size,
                                      lastModified: object.lastModified, storageClass: object.storageClass))
        }
        for folder in folders {
            result.append(ObjectEntry(key: folder, isFolder: true, size: 0, lastModified: nil, storageClass: ""))
        }
        return result
    }

    /// The `limit` entries just before `end` (nil: the end of the listing), and whether more lie before them.
    func backward(listPrefix: String, before end: String?, limit: Int) throws -> ([ObjectEntry], Bool) {
        let n = max(1, limit)
        /// Up to 2n entries before `end` after `start`, and whether that reached `end` (or the end of the listing).
        func probe(_ start: String?) throws -> ([ObjectEntry], Bool) {
            let (entries, more) = try forward(listPrefix: listPrefix, after: start, limit: 2 * n)
            guard let end else { return (entries, !more) }
            let before = entries.prefix { KeyOrder.precedes($0.key, end) }
            return (Array(before), before.count < entries.count || !more)
        }
        let (head, reached) = try probe(nil)
        if reached { return (Array(head.suffix(n)), head.count > n) }
        var low = listPrefix
        var high = end ?? listPrefix + String(repeating: KeyOrder.maxScalar, count: 2)
        for _ in 0..<200 {
            guard let middle = KeyOrder.midpoint(low, high) else { break }
            let (entries, reached) = try probe(middle)
            if !reached {
                low = middle
            } else if entries.count < n {
                high = middle
            } else {
                return (Array(entries.suffix(n)), true)
            }
        }
        // Bisection could not split the keys (pathological names): walk forward from the last good point.
        var window: [ObjectEntry] = []
        var start: String? = low
        for _ in 0..<10_000 {
            let (entries, reached) = try probe(start)
            window = Array((window + entries).suffix(n))
            if reached || entries.isEmpty { break }
            start = entries.last.map { Self.resumeKey(after: $0.key) }
        }
        return (window, true)
    }
}
