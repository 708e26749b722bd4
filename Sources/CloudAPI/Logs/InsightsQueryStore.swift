import CloudEngine
import Foundation

/// Logs Insights queries this server ran, for GetQueryResults and DescribeQueries. StartQuery runs the query to
/// its end at once (the engine is fast enough: a `stats` over 1,000,000 events takes half a second), so every
/// query is Complete or Failed when the client first asks. The newest 100 are kept, as a process's memory.
final class InsightsQueryStore: @unchecked Sendable {
    struct Query {
        let id: String
        let accountID: String
        let text: String
        let groups: [String]
        let createTime: Int64
        let result: InsightsResult
    }

    static let shared = InsightsQueryStore()
    static let kept = 100

    private let lock = NSLock()
    private var queries: [Query] = []

    func add(_ query: Query) {
        lock.lock()
        defer { lock.unlock() }
        queries.append(query)
        if queries.count > Self.kept { queries.removeFirst(queries.count - Self.kept) }
    }

    func query(_ id: String, accountID: String) -> Query? {
        lock.lock()
        defer { lock.unlock() }
        return queries.last { $0.id == id && $0.accountID == accountID }
    }

    /// Newest first.
    func all(accountID: String) -> [Query] {
        lock.lock()
        defer { lock.unlock() }
        return queries.filter { $0.accountID == accountID }.reversed()
    }
}
