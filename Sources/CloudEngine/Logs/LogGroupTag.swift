import GRDB

/// One tag of a log group, a row of `log_group_tags`.
struct LogGroupTag: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "log_group_tags"

    var groupName: String
    var key: String
    var value: String

    enum CodingKeys: String, CodingKey {
        case groupName = "group_name"
        case key
        case value
    }
}
