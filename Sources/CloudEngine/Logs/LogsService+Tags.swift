import GRDB

extension LogsService {
    /// A log group holds at most 50 tags, as CloudWatch Logs allows.
    static let maxTags = 50

    /// TagLogGroup / TagResource: adds tags or replaces their values.
    public func tagLogGroup(_ group: String, tags: [String: String], action: String = "logs:TagLogGroup",
                            caller: Caller) throws {
        try Self.validateTags(tags)
        try account.write([.logs]) { db in
            try account.authorize(caller, action, groupARN(group), db: db)
            try requireGroup(group, db)
            try saveTags(tags, group: group, db)
        }
    }

    /// UntagLogGroup / UntagResource: removes the tags with these keys; keys it does not have are ignored.
    public func untagLogGroup(_ group: String, keys: [String], action: String = "logs:UntagLogGroup", caller: Caller) throws {
        try account.write([.logs]) { db in
            try account.authorize(caller, action, groupARN(group), db: db)
            try requireGroup(group, db)
            _ = try LogGroupTag.filter(Column("group_name") == group && keys.contains(Column("key"))).deleteAll(db)
        }
    }

    /// ListTagsLogGroup / ListTagsForResource.
    public func listTagsLogGroup(_ group: String, action: String = "logs:ListTagsLogGroup", caller: Caller) throws -> [String: String] {
        try account.read { db in
            try account.authorize(caller, action, groupARN(group), db: db)
            try requireGroup(group, db)
            let rows = try LogGroupTag.filter(Column("group_name") == group).fetchAll(db)
            return Dictionary(rows.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        }
    }

    /// The group a log-group ARN names (`arn:aws:logs:region:account:log-group:name`, with or without `:*`).
    public func groupName(fromARN arn: String) throws -> String {
        let prefix = "arn:aws:logs:\(account.region):\(account.accountID):log-group:"
        guard arn.hasPrefix(prefix), arn.count > prefix.count else {
            throw EngineError.invalidLogParameter("\(arn) is not the ARN of a log group in this account (\(prefix)NAME).")
        }
        let name = arn.dropFirst(prefix.count)
        return String(name.hasSuffix(":*") ? name.dropLast(2) : name)
    }

    func saveTags(_ tags: [String: String], group: String, _ db: Database) throws {
        for (key, value) in tags { try LogGroupTag(groupName: group, key: key, value: value).insert(db, onConflict: .replace) }
        let count = try LogGroupTag.filter(Column("group_name") == group).fetchCount(db)
        if count > Self.maxTags {
            throw EngineError(code: "TooManyTagsException", httpStatus: 400,
                              message: "A log group can have at most \(Self.maxTags) tags; this would give \(group) \(count).",
                              resource: group)
        }
    }

    static func validateTags(_ tags: [String: String]) throws {
        for (key, value) in tags.sorted(by: { $0.key < $1.key }) {
            if key.isEmpty || key.count > 128 {
                throw EngineError.invalidLogParameter("Tag keys must be 1 to 128 characters long ('\(key)' has \(key.count)).")
            }
            if key.lowercased().hasPrefix("aws:") {
                throw EngineError.invalidLogParameter("Tag keys cannot start with 'aws:' ('\(key)'); that prefix is reserved for AWS.")
            }
            if value.count > 256 {
                throw EngineError.invalidLogParameter("Tag values can be at most 256 characters long (the value of '\(key)' has \(value.count)).")
            }
        }
    }
}
