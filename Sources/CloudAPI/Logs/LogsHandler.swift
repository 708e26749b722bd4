import CloudEngine
import Foundation

/// Runs one CloudWatch Logs operation: decodes its input, calls the engine as the caller, encodes the output.
struct LogsHandler {
    let logs: LogsService
    let caller: Caller
    let body: JSONRequestBody
    /// Whose Insights queries GetQueryResults may name.
    let accountID: String

    func perform(_ operation: LogsOperation) throws -> Data {
        switch operation {
        case .CreateLogGroup:
            let input = try body.decode(LogsShapes.CreateLogGroup.self)
            try logs.createLogGroup(input.logGroupName, tags: input.tags ?? [:], caller: caller)
            return try encode(LogsShapes.Empty())
        case .DeleteLogGroup:
            try logs.deleteLogGroup(try body.decode(LogsShapes.GroupName.self).logGroupName, caller: caller)
            return try encode(LogsShapes.Empty())
        case .DescribeLogGroups:
            return try describeLogGroups()
        case .CreateLogStream:
            let input = try body.decode(LogsShapes.Stream.self)
            try logs.createLogStream(group: input.logGroupName, stream: input.logStreamName, caller: caller)
            return try encode(LogsShapes.Empty())
        case .DeleteLogStream:
            let input = try body.decode(LogsShapes.Stream.self)
            try logs.deleteLogStream(group: input.logGroupName, stream: input.logStreamName, caller: caller)
            return try encode(LogsShapes.Empty())
        case .DescribeLogStreams:
            return try describeLogStreams()
        case .PutLogEvents:
            return try putLogEvents()
        case .GetLogEvents:
            return try getLogEvents()
        case .FilterLogEvents:
            return try filterLogEvents()
        case .PutRetentionPolicy:
            let input = try body.decode(LogsShapes.PutRetentionPolicy.self)
            try logs.putRetentionPolicy(group: input.logGroupName, days: input.retentionInDays, caller: caller)
            return try encode(LogsShapes.Empty())
        case .DeleteRetentionPolicy:
            try logs.deleteRetentionPolicy(group: try body.decode(LogsShapes.GroupName.self).logGroupName, caller: caller)
            return try encode(LogsShapes.Empty())
        case .TagLogGroup, .UntagLogGroup, .ListTagsLogGroup, .TagResource, .UntagResource, .ListTagsForResource:
            return try performTagging(operation)
        case .StartQuery, .GetQueryResults, .StopQuery, .DescribeQueries:
            return try performQuery(operation)
        }
    }

    private func describeLogGroups() throws -> Data {
        let input = try body.decode(LogsShapes.DescribeLogGroups.self)
        let page = try logs.describeLogGroups(prefix: input.logGroupNamePrefix ?? "", pattern: input.logGroupNamePattern ?? "",
                                              limit: input.limit ?? 50,
                                              nextToken: input.nextToken, caller: caller)
        let groups = page.items.map { group in
            LogsShapes.LogGroup(logGroupName: group.name, creationTime: group.creationTime, retentionInDays: group.retentionInDays,
                                metricFilterCount: 0, arn: group.arn, storedBytes: group.storedBytes, logGroupClass: "STANDARD",
                                logGroupArn: group.arn.hasSuffix(":*") ? String(group.arn.dropLast(2)) : group.arn)
        }
        return try encode(LogsShapes.LogGroups(logGroups: groups, nextToken: page.nextToken))
    }

    private func describeLogStreams() throws -> Data {
        let input = try body.decode(LogsShapes.DescribeLogStreams.self)
        let order: LogsService.StreamOrder
        switch input.orderBy ?? "LogStreamName" {
        case "LogStreamName": order = .logStreamName
        case "LastEventTime": order = .lastEventTime
        case let other:
            throw EngineError.invalidLogParameter("orderBy must be LogStreamName or LastEventTime (got \(other)).")
        }
        let group = try Self.groupName(input.logGroupName, input.logGroupIdentifier)
        let page = try logs.describeLogStreams(group: group, prefix: input.logStreamNamePrefix ?? "", orderBy: order,
                                               descending: input.descending ?? false, limit: input.limit ?? 50,
                                               nextToken: input.nextToken, caller: caller)
        let streams = page.items.map { stream in
            LogsShapes.LogStream(logStreamName: stream.name, creationTime: stream.creationTime,
                                 firstEventTimestamp: stream.firstEventTimestamp, lastEventTimestamp: stream.lastEventTimestamp,
                                 lastIngestionTime: stream.lastIngestionTime, arn: stream.arn, storedBytes: stream.storedBytes)
        }
        return try encode(LogsShapes.LogStreams(logStreams: streams, nextToken: page.nextToken))
    }

    private func putLogEvents() throws -> Data {
        let input = try body.decode(LogsShapes.PutLogEvents.self)
        let result = try logs.putLogEvents(group: input.logGroupName, stream: input.logStreamName,
                                           events: input.logEvents.map { InputLogEvent(timestamp: $0.timestamp, message: $0.message) },
                                           caller: caller)
        let rejected = result.tooNewLogEventStartIndex != nil || result.tooOldLogEventEndIndex != nil
            || result.expiredLogEventEndIndex != nil
        let info = rejected ? LogsShapes.RejectedLogEventsInfo(tooNewLogEventStartIndex: result.tooNewLogEventStartIndex,
                                                               tooOldLogEventEndIndex: result.tooOldLogEventEndIndex,
                                                               expiredLogEventEndIndex: result.expiredLogEventEndIndex) : nil
        return try encode(LogsShapes.PutLogEventsOutput(rejectedLogEventsInfo: info))
    }

    private func getLogEvents() throws -> Data {
        let input = try body.decode(LogsShapes.GetLogEvents.self)
        let group = try Self.groupName(input.logGroupName, input.logGroupIdentifier)
        let page = try logs.getLogEvents(group: group, stream: input.logStreamName, startTime: input.startTime,
                                         endTime: input.endTime, nextToken: input.nextToken, limit: input.limit ?? 10_000,
                                         startFromHead: input.startFromHead ?? false, caller: caller)
        let events = page.events.map { LogsShapes.OutputEvent(timestamp: $0.timestamp, message: $0.message, ingestionTime: $0.ingestionTime) }
        return try encode(LogsShapes.GetLogEventsOutput(events: events, nextForwardToken: page.nextForwardToken,
                                                        nextBackwardToken: page.nextBackwardToken))
    }

    private func filterLogEvents() throws -> Data {
        let input = try body.decode(LogsShapes.FilterLogEvents.self)
        let group = try Self.groupName(input.logGroupName, input.logGroupIdentifier)
        let streams: LogStreamSelection
        switch (input.logStreamNames, input.logStreamNamePrefix) {
        case (.some, .some):
            throw EngineError.invalidLogParameter("You cannot specify both logStreamNames and logStreamNamePrefix.")
        case (.some(let names), nil): streams = .names(names)
        case (nil, .some(let prefix)): streams = .prefix(prefix)
        case (nil, nil): streams = .all
        }
        let page = try logs.filterLogEvents(group: group, streams: streams, startTime: input.startTime, endTime: input.endTime,
                                            filterPattern: input.filterPattern, limit: input.limit ?? 10_000,
                                            nextToken: input.nextToken, caller: caller)
        let events = page.events.map {
            LogsShapes.FilteredEvent(logStreamName: $0.logStreamName, timestamp: $0.timestamp, message: $0.message,
                                     ingestionTime: $0.ingestionTime, eventId: $0.eventId)
        }
        return try encode(LogsShapes.FilterLogEventsOutput(events: events, searchedLogStreams: [], nextToken: page.nextToken))
    }

    /// The group an operation names by `logGroupName` or by `logGroupIdentifier` (a name or an ARN), not both.
    static func groupName(_ name: String?, _ identifier: String?) throws -> String {
        switch (name, identifier) {
        case (.some(let name), nil):
            return name
        case (nil, .some(let identifier)):
            guard identifier.hasPrefix("arn:"), let range = identifier.range(of: ":log-group:") else { return identifier }
            let rest = identifier[range.upperBound...]
            return String(rest.hasSuffix(":*") ? rest.dropLast(2) : rest)
        case (.some, .some):
            throw EngineError.invalidLogParameter("LogGroupName and LogGroupIdentifier are mutually exclusive parameters; give one.")
        case (nil, nil):
            throw EngineError.invalidLogParameter("Either logGroupName or logGroupIdentifier must be given.")
        }
    }

    func encode<Output: Encodable>(_ output: Output) throws -> Data {
        try JSONEncoder().encode(output)
    }
}
