import IAMPolicy

/// A least-privilege policy proposed from what a principal did, as Access Analyzer's policy generation proposes one.
public struct GeneratedPolicy: Sendable, Equatable {
    /// One statement: actions of one service that share their resources.
    public struct Statement: Sendable, Equatable {
        public var sid: String
        public var actions: [String]
        public var resources: [String]
    }

    public var statements: [Statement]
    /// The calls it was made from (action and resource), each once, with whether it was denied at the time.
    public var calls: [Call]
    /// The document, pretty-printed as the console's editor shows documents.
    public var document: String

    public struct Call: Sendable, Hashable {
        public var action: String
        public var resource: String
        public var wasDenied: Bool
    }
}

/// Turns a principal's calls into statements: actions grouped by service, resources as specific as the calls
/// were, and a wildcard only where more than `objectsBeforeWildcard` objects under one prefix of a bucket were used.
enum PolicyGenerator {
    static let objectsBeforeWildcard = 3

    static func generate(from calls: [GeneratedPolicy.Call]) -> GeneratedPolicy {
        var resourcesByAction: [String: Set<String>] = [:]
        for call in calls { resourcesByAction[call.action, default: []].insert(call.resource) }
        // Each action's resources, generalized; actions of one service with the same resources share a statement.
        var grouped: [String: [String: [String]]] = [:]
        for (action, resources) in resourcesByAction {
            let service = String(action.prefix { $0 != ":" })
            let scoped = generalize(Array(resources))
            grouped[service, default: [:]][scoped.joined(separator: "\n"), default: []].append(action)
        }
        var statements: [GeneratedPolicy.Statement] = []
        for service in grouped.keys.sorted() {
            let sets = grouped[service, default: [:]].sorted { $0.key < $1.key }
            for (index, entry) in sets.enumerated() {
                let name = service.prefix(1).uppercased() + service.dropFirst()
                statements.append(GeneratedPolicy.Statement(
                    sid: sets.count == 1 ? "\(name)Access" : "\(name)Access\(index + 1)",
                    actions: entry.value.sorted(), resources: entry.key.split(separator: "\n").map(String.init)))
            }
        }
        let unique = Array(Set(calls)).sorted { ($0.action, $0.resource) < ($1.action, $1.resource) }
        return GeneratedPolicy(statements: statements, calls: unique, document: document(statements))
    }

    /// Resources as used, with many objects of one bucket folded into `bucket/prefix*` at their common folder.
    static func generalize(_ resources: [String]) -> [String] {
        if resources.contains("*") { return ["*"] }
        var objectsByBucket: [String: [String]] = [:]
        var others: [String] = []
        for resource in resources {
            let s3Object = "arn:aws:s3:::"
            if resource.hasPrefix(s3Object), let slash = resource.dropFirst(s3Object.count).firstIndex(of: "/") {
                objectsByBucket[String(resource[..<slash]), default: []].append(String(resource[resource.index(after: slash)...]))
            } else {
                others.append(resource)
            }
        }
        var result = others
        for (bucket, keys) in objectsByBucket {
            guard keys.count > objectsBeforeWildcard else {
                result += keys.map { "\(bucket)/\($0)" }
                continue
            }
            result.append("\(bucket)/\(commonFolder(keys))*")
        }
        return result.sorted()
    }

    /// The longest prefix, ending at a `/`, that every key starts with ("" when they share no folder).
    static func commonFolder(_ keys: [String]) -> String {
        guard let first = keys.first else { return "" }
        var prefix = Substring(first)
        for key in keys.dropFirst() {
            while !key.hasPrefix(prefix) { prefix = prefix.dropLast() }
        }
        guard let slash = prefix.lastIndex(of: "/") else { return "" }
        return String(prefix[...slash])
    }

    static func document(_ statements: [GeneratedPolicy.Statement]) -> String {
        let body = statements.map { statement -> String in
            let actions = statement.actions.count == 1 ? JSONString.quoted(statement.actions[0])
                : "[\n" + statement.actions.map { "        " + JSONString.quoted($0) }.joined(separator: ",\n") + "\n      ]"
            let resources = statement.resources.count == 1 ? JSONString.quoted(statement.resources[0])
                : "[\n" + statement.resources.map { "        " + JSONString.quoted($0) }.joined(separator: ",\n") + "\n      ]"
            return """
                    {
                      "Sid": \(JSONString.quoted(statement.sid)),
                      "Effect": "Allow",
                      "Action": \(actions),
                      "Resource": \(resources)
                    }
                """
        }
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + body.joined(separator: ",\n") + "\n  ]\n}\n"
    }
}
