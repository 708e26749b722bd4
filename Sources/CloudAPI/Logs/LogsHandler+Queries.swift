import CloudEngine
import Foundation

/// StartQuery, GetQueryResults, StopQuery and DescribeQueries over the engine's Logs Insights.
extension LogsHandler {
    struct StartQuery: Decodable {
        let logGroupName: String?
        let logGroupNames: [String]?
        let logGroupIdentifiers: [String]?
        let startTime: Int64
        let endTime: Int64
        let queryString: String
        let limit: Int?
    }

    struct QueryID: Codable { let queryId: String }

    struct ResultField: Encodable {
        let field: String
        let value: String
    }

    struct Statistics: Encodable {
        let recordsMatched: Double
        let recordsScanned: Double
        let bytesScanned: Double
    }

    struct QueryResults: Encodable {
        let results: [[ResultField]]
        let statistics: Statistics
        let status: String
    }

    struct QueryInfo: Encodable {
        let queryId: String
        let queryString: String
        let status: String
        let createTime: Int64
        let logGroupName: String?
    }

    struct QueryList: Encodable { let queries: [QueryInfo] }

    struct StopResult: Encodable { let success: Bool }

    func performQuery(_ operation: LogsOperation) throws -> Data {
        let store = InsightsQueryStore.shared
        switch operation {
        case .StartQuery:
            let input = try body.decode(StartQuery.self)
            let groups = try input.logGroupIdentifiers.map { try $0.map { try Self.groupName(nil, $0) } }
                ?? input.logGroupNames ?? input.logGroupName.map { [$0] } ?? []
            guard !groups.isEmpty else {
                throw EngineError.invalidLogParameter("StartQuery needs logGroupName, logGroupNames or logGroupIdentifiers.")
            }
            guard input.endTime >= input.startTime else {
                throw EngineError.invalidLogParameter("endTime (\(input.endTime)) is before startTime (\(input.startTime)).")
            }
            let result = try logs.runQuery(input.queryString, groups: groups,
                                           start: Date(timeIntervalSince1970: TimeInterval(input.startTime)),
                                           end: Date(timeIntervalSince1970: TimeInterval(input.endTime)), limit: input.limit,
                                           caller: caller)
            let id = UUID().uuidString.lowercased()
            store.add(InsightsQueryStore.Query(id: id, accountID: accountID, text: input.queryString, groups: groups,
                                               createTime: Int64(Date().timeIntervalSince1970 * 1000), result: result))
            return try encode(QueryID(queryId: id))
        case .GetQueryResults:
            let query = try stored(try body.decode(QueryID.self).queryId, accountID: accountID)
            let rows = query.result.rows.map { row in
                zip(query.result.columns, row).compactMap { column, value in value.map { ResultField(field: column, value: $0) } }
            }
            let statistics = Statistics(recordsMatched: Double(query.result.recordsMatched),
                                        recordsScanned: Double(query.result.recordsScanned),
                                        bytesScanned: Double(query.result.bytesScanned))
            return try encode(QueryResults(results: rows, statistics: statistics, status: "Complete"))
        case .StopQuery:
            _ = try stored(try body.decode(QueryID.self).queryId, accountID: accountID)
            // Every query has ended by the time it can be named: there is nothing to stop.
            return try encode(StopResult(success: false))
        default:
            let queries = store.all(accountID: accountID).map { query in
                QueryInfo(queryId: query.id, queryString: query.text, status: "Complete", createTime: query.createTime,
                          logGroupName: query.groups.first)
            }
            return try encode(QueryList(queries: queries))
        }
    }

    private func stored(_ id: String, accountID: String) throws -> InsightsQueryStore.Query {
        guard let query = InsightsQueryStore.shared.query(id, accountID: accountID) else {
            throw EngineError(code: "ResourceNotFoundException", httpStatus: 400,
                              message: "No query with the id \(id) ran on this endpoint (queries are kept while it serves, the newest \(InsightsQueryStore.kept)).")
        }
        return query
    }
}
