import Foundation

/// A bucket's event notification configuration: which events go to which functions.
///
/// Stored with the bucket; the functions issue delivers the events.
public struct NotificationConfiguration: Codable, Sendable, Equatable {
    public var lambdaFunctionConfigurations: [LambdaFunctionConfiguration]

    public init(lambdaFunctionConfigurations: [LambdaFunctionConfiguration] = []) {
        self.lambdaFunctionConfigurations = lambdaFunctionConfigurations
    }

    public var isEmpty: Bool { lambdaFunctionConfigurations.isEmpty }
}

/// One rule: events matching `events` and the key filter invoke `functionARN`.
public struct LambdaFunctionConfiguration: Codable, Sendable, Equatable {
    public var id: String
    public var functionARN: String
    public var events: [String]
    public var prefix: String?
    public var suffix: String?

    public init(id: String, functionARN: String, events: [String], prefix: String? = nil, suffix: String? = nil) {
        self.id = id
        self.functionARN = functionARN
        self.events = events
        self.prefix = prefix
        self.suffix = suffix
    }

    /// Whether an event named `eventName` (e.g. `ObjectCreated:Put`) on `key` matches this rule.
    public func matches(eventName: String, key: String) -> Bool {
        let qualified = "s3:" + eventName
        guard events.contains(where: { S3EventNames.pattern($0, covers: qualified) }) else { return false }
        if let prefix, !key.hasPrefix(prefix) { return false }
        if let suffix, !key.hasSuffix(suffix) { return false }
        return true
    }
}

/// The S3 event types a notification may name, and how wildcards cover them.
public enum S3EventNames {
    public static let all: [String] = [
        "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
        "s3:ObjectCreated:CompleteMultipartUpload",
        "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
    ]

    /// Whether `pattern` (possibly `s3:ObjectCreated:*`) covers the event `name`.
    public static func pattern(_ pattern: String, covers name: String) -> Bool {
        if pattern == name { return true }
        if pattern.hasSuffix(":*") { return name.hasPrefix(String(pattern.dropLast())) }
        return false
    }

    /// Whether two event patterns can match one same event.
    static func overlap(_ a: String, _ b: String) -> Bool {
        all.filter { !$0.hasSuffix("*") }.contains { pattern(a, covers: $0) && pattern(b, covers: $0) }
    }
}
