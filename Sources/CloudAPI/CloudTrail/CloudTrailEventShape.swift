import CloudEngine
import Foundation
import IAMPolicy

/// One event as LookupEvents returns it, with the whole record as CloudTrail's JSON string in `CloudTrailEvent`.
struct CloudTrailEventShape: Encodable {
    struct Resource: Encodable {
        let ResourceType: String?
        let ResourceName: String
    }

    let EventId: String
    let EventName: String
    let ReadOnly: String
    let AccessKeyId: String?
    /// Seconds since 1970, as the JSON protocol sends timestamps.
    let EventTime: Double
    let EventSource: String
    let Username: String?
    let Resources: [Resource]
    let CloudTrailEvent: String

    init(_ event: ActivityEvent, accountID: String, region: String) throws {
        EventId = event.eventID
        EventName = event.eventName
        ReadOnly = event.readOnly ? "true" : "false"
        AccessKeyId = event.accessKeyID
        EventTime = Double(event.eventTime) / 1000
        EventSource = event.eventSource
        Username = event.userName
        Resources = event.resource == "*" ? [] : [Resource(ResourceType: event.resourceType, ResourceName: event.resource)]
        let record = CloudTrailRecord(event, accountID: accountID, region: region)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        CloudTrailEvent = String(decoding: try encoder.encode(record), as: UTF8.self)
    }
}

/// The `CloudTrailEvent` record (eventVersion 1.08's fields that apply), plus `overcastDecision`: how the call was
/// decided and by which statements, which CloudTrail itself does not say.
struct CloudTrailRecord: Encodable {
    struct Identity: Encodable {
        struct SessionContext: Encodable {
            struct Issuer: Encodable {
                let type = "Role"
                let arn: String
                let userName: String
                let accountId: String
            }

            let sessionIssuer: Issuer
        }

        let type: String
        let principalId: String?
        let arn: String?
        let accountId: String?
        let accessKeyId: String?
        let userName: String?
        let invokedBy: String?
        let sessionContext: SessionContext?
    }

    struct Decision: Encodable {
        let decision: String
        let statements: [ActivityStatement]
        let origin: String
        let originDetail: String?
    }

    let eventVersion = "1.08"
    let userIdentity: Identity
    let eventTime: String
    let eventSource: String
    let eventName: String
    let awsRegion: String
    let sourceIPAddress: String
    let userAgent: String
    let errorCode: String?
    let errorMessage: String?
    let requestID: String?
    let eventID: String
    let readOnly: Bool
    let resources: [[String: String]]
    let eventType = "AwsApiCall"
    let managementEvent = true
    let recipientAccountId: String
    let eventCategory = "Management"
    let overcastDecision: Decision

    init(_ event: ActivityEvent, accountID: String, region: String) {
        userIdentity = Self.identity(event, accountID: accountID)
        eventTime = UTCTimestamp(milliseconds: event.eventTime).iso8601
        eventSource = event.eventSource
        eventName = event.eventName
        awsRegion = region
        // In-process calls have no address; AWS writes the console's calls as "AWS Internal" too.
        sourceIPAddress = event.origin == "endpoint" ? (event.originDetail ?? "127.0.0.1")
            : event.origin == "service" ? (event.originDetail ?? "AWS Internal") : "AWS Internal"
        userAgent = event.userAgent ?? (event.origin == "console" ? "overcast-console"
            : event.origin == "function" ? "lambda.amazonaws.com" : event.originDetail ?? "overcast")
        errorCode = event.errorCode
        errorMessage = event.errorMessage
        requestID = event.requestID
        eventID = event.eventID
        readOnly = event.readOnly
        resources = event.resource == "*" ? [] : [["ARN": event.resource, "accountId": accountID, "type": event.resourceType ?? ""]]
        recipientAccountId = accountID
        overcastDecision = Decision(decision: event.decision, statements: event.statements, origin: event.origin,
                                    originDetail: event.originDetail)
    }

    static func identity(_ event: ActivityEvent, accountID: String) -> Identity {
        switch event.principalKind {
        case "root":
            return Identity(type: "Root", principalId: accountID, arn: event.principalARN, accountId: accountID,
                            accessKeyId: event.accessKeyID, userName: nil, invokedBy: nil, sessionContext: nil)
        case "user":
            return Identity(type: "IAMUser", principalId: nil, arn: event.principalARN, accountId: accountID,
                            accessKeyId: event.accessKeyID, userName: event.userName, invokedBy: nil, sessionContext: nil)
        case "assumed-role":
            let role = event.roleName ?? ""
            return Identity(type: "AssumedRole", principalId: nil, arn: event.principalARN, accountId: accountID,
                            accessKeyId: event.accessKeyID, userName: nil, invokedBy: nil,
                            sessionContext: .init(sessionIssuer: .init(arn: "arn:aws:iam::\(accountID):role/\(role)", userName: role,
                                                                       accountId: accountID)))
        case "service":
            return Identity(type: "AWSService", principalId: nil, arn: nil, accountId: nil, accessKeyId: nil, userName: nil,
                            invokedBy: event.principalARN, sessionContext: nil)
        default:
            return Identity(type: "AWSAccount", principalId: "anonymous", arn: nil, accountId: "ANONYMOUS_PRINCIPAL",
                            accessKeyId: nil, userName: nil, invokedBy: nil, sessionContext: nil)
        }
    }
}
