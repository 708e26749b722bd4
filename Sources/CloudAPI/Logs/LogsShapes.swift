/// The input and output shapes of the operations the endpoint serves, member names as botocore's model spells them.
enum LogsShapes {
    struct GroupName: Decodable { let logGroupName: String }

    struct CreateLogGroup: Decodable {
        let logGroupName: String
        let tags: [String: String]?
    }

    struct TagLogGroup: Decodable {
        let logGroupName: String
        let tags: [String: String]
    }

    struct UntagLogGroup: Decodable {
        let logGroupName: String
        let tags: [String]
    }

    struct TagResource: Decodable {
        let resourceArn: String
        let tags: [String: String]
    }

    struct UntagResource: Decodable {
        let resourceArn: String
        let tagKeys: [String]
    }

    struct Resource: Decodable { let resourceArn: String }

    struct Tags: Encodable { let tags: [String: String] }

    struct DescribeLogGroups: Decodable {
        let logGroupNamePrefix: String?
        let logGroupNamePattern: String?
        let nextToken: String?
        let limit: Int?
    }

    struct Stream: Decodable {
        let logGroupName: String
        let logStreamName: String
    }

    struct DescribeLogStreams: Decodable {
        let logGroupName: String?
        let logGroupIdentifier: String?
        let logStreamNamePrefix: String?
        let orderBy: String?
        let descending: Bool?
        let nextToken: String?
        let limit: Int?
    }

    struct InputEvent: Decodable {
        let timestamp: Int64
        let message: String
    }

    struct PutLogEvents: Decodable {
        let logGroupName: String
        let logStreamName: String
        let logEvents: [InputEvent]
    }

    struct GetLogEvents: Decodable {
        let logGroupName: String?
        let logGroupIdentifier: String?
        let logStreamName: String
        let startTime: Int64?
        let endTime: Int64?
        let nextToken: String?
        let limit: Int?
        let startFromHead: Bool?
    }

    struct FilterLogEvents: Decodable {
        let logGroupName: String?
        let logGroupIdentifier: String?
        let logStreamNames: [String]?
        let logStreamNamePrefix: String?
        let startTime: Int64?
        let endTime: Int64?
        let filterPattern: String?
        let nextToken: String?
        let limit: Int?
    }

    struct PutRetentionPolicy: Decodable {
        let logGroupName: String
        let retentionInDays: Int
    }

    // MARK: - Outputs

    struct Empty: Encodable {}

    struct LogGroup: Encodable {
        let logGroupName: String
        let creationTime: Int64
        let retentionInDays: Int?
        let metricFilterCount: Int
        let arn: String
        let storedBytes: Int64
        let logGroupClass: String
        let logGroupArn: String
    }

    struct LogGroups: Encodable {
        let logGroups: [LogGroup]
        let nextToken: String?
    }

    struct LogStream: Encodable {
        let logStreamName: String
        let creationTime: Int64
        let firstEventTimestamp: Int64?
        let lastEventTimestamp: Int64?
        let lastIngestionTime: Int64?
        let arn: String
        let storedBytes: Int64
    }

    struct LogStreams: Encodable {
        let logStreams: [LogStream]
        let nextToken: String?
    }

    struct RejectedLogEventsInfo: Encodable {
        let tooNewLogEventStartIndex: Int?
        let tooOldLogEventEndIndex: Int?
        let expiredLogEventEndIndex: Int?
    }

    struct PutLogEventsOutput: Encodable {
        let rejectedLogEventsInfo: RejectedLogEventsInfo?
    }

    struct OutputEvent: Encodable {
        let timestamp: Int64
        let message: String
        let ingestionTime: Int64
    }

    struct GetLogEventsOutput: Encodable {
        let events: [OutputEvent]
        let nextForwardToken: String
        let nextBackwardToken: String
    }

    struct FilteredEvent: Encodable {
        let logStreamName: String
        let timestamp: Int64
        let message: String
        let ingestionTime: Int64
        let eventId: String
    }

    struct FilterLogEventsOutput: Encodable {
        let events: [FilteredEvent]
        /// Deprecated by AWS in 2020 and always empty there.
        let searchedLogStreams: [String]
        let nextToken: String?
    }
}
