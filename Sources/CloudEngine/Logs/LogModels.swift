import Foundation

/// A log group as DescribeLogGroups returns it.
public struct LogGroup: Sendable, Equatable {
    public let name: String
    public let arn: String
    /// Milliseconds since the epoch.
    public let creationTime: Int64
    public let retentionInDays: Int?
    public let storedBytes: Int64
}

/// A log stream as DescribeLogStreams returns it.
public struct LogStream: Sendable, Equatable {
    public let groupName: String
    public let name: String
    public let arn: String
    public let creationTime: Int64
    public let firstEventTimestamp: Int64?
    public let lastEventTimestamp: Int64?
    public let lastIngestionTime: Int64?
    public let storedBytes: Int64
}

/// One event to put: a timestamp in milliseconds and a message.
public struct InputLogEvent: Sendable, Equatable {
    public var timestamp: Int64
    public var message: String

    public init(timestamp: Int64, message: String) {
        self.timestamp = timestamp
        self.message = message
    }
}

/// A stored event as GetLogEvents returns it.
public struct OutputLogEvent: Sendable, Equatable {
    /// The event's place in the account; increases with arrival. Lets a live pane ask for "what came after".
    public let id: Int64
    public let streamName: String
    public let timestamp: Int64
    public let ingestionTime: Int64
    public let message: String
}

/// What PutLogEvents answers: the indexes of events it refused, as AWS reports them.
public struct PutLogEventsResult: Sendable, Equatable {
    public var tooNewLogEventStartIndex: Int?
    public var tooOldLogEventEndIndex: Int?
    public var expiredLogEventEndIndex: Int?
    public var accepted: Int
}

/// One page of GetLogEvents.
public struct LogEventsPage: Sendable, Equatable {
    public let events: [OutputLogEvent]
    /// `f/...`: pass back for newer events; equals the token given when there are no more.
    public let nextForwardToken: String
    /// `b/...`: pass back for older events.
    public let nextBackwardToken: String
}

/// A page of a Describe call, with the token for the next one.
public struct LogPage<Item: Sendable & Equatable>: Sendable, Equatable {
    public let items: [Item]
    public let nextToken: String?
}
