import CloudEngine
import Foundation

/// LookupEvents: one lookup attribute at most, a time range, MaxResults 1-50 and NextToken, as CloudTrail takes them.
struct LookupEventsHandler {
    let account: Account
    let caller: Caller

    struct Input: Decodable {
        struct Attribute: Decodable {
            let AttributeKey: String
            let AttributeValue: String
        }

        let LookupAttributes: [Attribute]?
        let StartTime: Double?
        let EndTime: Double?
        let EventCategory: String?
        let MaxResults: Int?
        let NextToken: String?
    }

    struct Output: Encodable {
        let Events: [CloudTrailEventShape]
        let NextToken: String?
    }

    func perform(_ body: JSONRequestBody) throws -> Data {
        let input = try body.decode(Input.self)
        if let category = input.EventCategory, category != "insight" {
            throw JSONRequestError(code: "InvalidEventCategoryException",
                                   message: "Event category \(category) is not valid; the only category is insight.")
        }
        let limit = input.MaxResults ?? 50
        guard (1...50).contains(limit) else {
            throw JSONRequestError(code: "InvalidMaxResultsException", message: "MaxResults must be between 1 and 50 (got \(limit)).")
        }
        let attributes = input.LookupAttributes ?? []
        guard attributes.count <= 1 else {
            throw JSONRequestError(code: "InvalidLookupAttributesException",
                                   message: "Only one lookup attribute can be given (got \(attributes.count)).")
        }
        let start = input.StartTime.map { Int64(($0 * 1000).rounded(.down)) }
        let end = input.EndTime.map { Int64(($0 * 1000).rounded(.down)) }
        if let start, let end, start > end {
            throw JSONRequestError(code: "InvalidTimeRangeException",
                                   message: "The start time \(input.StartTime ?? 0) is after the end time \(input.EndTime ?? 0).")
        }
        try account.activity.flush()
        // Insights events are never recorded here: that category is always empty.
        if input.EventCategory == "insight" { return try JSONEncoder().encode(Output(Events: [], NextToken: nil)) }
        let query = ActivityQuery(attribute: try attributes.first.map(Self.attribute), startTime: start, endTime: end,
                                  limit: limit, nextToken: input.NextToken)
        let page = try account.activity.lookup(query, caller: caller)
        let events = try page.events.map { try CloudTrailEventShape($0, accountID: account.accountID, region: account.region) }
        return try JSONEncoder().encode(Output(Events: events, NextToken: page.nextToken))
    }

    static func attribute(_ given: Input.Attribute) throws -> ActivityQuery.Attribute {
        let value = given.AttributeValue
        switch given.AttributeKey {
        case "EventId": return .eventID(value)
        case "EventName": return .eventName(value)
        case "Username": return .userName(value)
        case "ResourceName": return .resourceName(value)
        case "ResourceType": return .resourceType(value)
        case "EventSource": return .eventSource(value)
        case "AccessKeyId": return .accessKeyID(value)
        case "ReadOnly":
            guard value == "true" || value == "false" else {
                throw JSONRequestError(code: "InvalidLookupAttributesException",
                                       message: "The value of ReadOnly must be true or false (got \(value)).")
            }
            return .readOnly(value == "true")
        default:
            throw JSONRequestError(code: "InvalidLookupAttributesException",
                                   message: "\(given.AttributeKey) is not a lookup attribute; use EventId, EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource or AccessKeyId.")
        }
    }
}
