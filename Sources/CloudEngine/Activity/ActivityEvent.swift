import Foundation
import GRDB
import IAMPolicy

/// One authorization decision in the trail: who asked to do what to which resource, from where, and what was decided.
public struct ActivityEvent: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "activity_events"

    public var id: Int64?
    /// CloudTrail's `EventId`: unique, stable.
    public var eventID: String
    /// Milliseconds since the epoch.
    public var eventTime: Int64
    public var principalARN: String
    /// root, user, assumed-role, service or anonymous.
    public var principalKind: String
    /// The IAM user's name, or the role session's name (CloudTrail's `Username`).
    public var userName: String?
    /// For a role session, the role's name.
    public var roleName: String?
    public var accessKeyID: String?
    /// The IAM action, `s3:PutObject`.
    public var action: String
    /// `s3.amazonaws.com`.
    public var eventSource: String
    /// The action's name, `PutObject` (IAM's name: `s3:ListBucket` is CloudTrail's ListObjects).
    public var eventName: String
    public var resource: String
    /// CloudFormation's type name, `AWS::S3::Object`; nil for `*`.
    public var resourceType: String?
    /// Whether the call only reads (CloudTrail's `readOnly`).
    public var readOnly: Bool
    /// allowed, explicitDeny or implicitDeny (the IAM simulator's words).
    public var decision: String
    /// The deciding statements.
    public var statements: [ActivityStatement]
    /// engine, console, endpoint, function or service.
    public var origin: String
    /// The client address, function or service the call came from.
    public var originDetail: String?
    public var userAgent: String?
    public var requestID: String?
    public var errorCode: String?
    public var errorMessage: String?

    public init(id: Int64?,
                eventID: String,
                eventTime: Int64,
                principalARN: String,
                principalKind: String,
                userName: String?,
                roleName: String?,
                accessKeyID: String?,
                action: String,
                eventSource: String,
                eventName: String,
                resource: String,
                resourceType: String?,
                readOnly: Bool,
                decision: String,
                statements: [ActivityStatement],
                origin: String,
                originDetail: String?,
                userAgent: String?,
                requestID: String?,
                errorCode: String?,
                errorMessage: String?) {
        self.id = id
        self.eventID = eventID
        self.eventTime = eventTime
        self.principalARN = principalARN
        self.principalKind = principalKind
        self.userName = userName
        self.roleName = roleName
        self.accessKeyID = accessKeyID
        self.action = action
        self.eventSource = eventSource
        self.eventName = eventName
        self.resource = resource
        self.resourceType = resourceType
        self.readOnly = readOnly
        self.decision = decision
        self.statements = statements
        self.origin = origin
        self.originDetail = originDetail
        self.userAgent = userAgent
        self.requestID = requestID
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }

    public var isAllowed: Bool { decision == Decision.Outcome.allowed.rawValue }

    enum CodingKeys: String, CodingKey {
        case id
        case eventID = "event_id"
        case eventTime = "event_time"
        case principalARN = "principal_arn"
        case principalKind = "principal_kind"
        case userName = "user_name"
        case roleName = "role_name"
        case accessKeyID = "access_key_id"
        case action
        case eventSource = "event_source"
        case eventName = "event_name"
        case resource
        case resourceType = "resource_type"
        case readOnly = "read_only"
        case decision, statements, origin
        case originDetail = "origin_detail"
        case userAgent = "user_agent"
        case requestID = "request_id"
        case errorCode = "error_code"
        case errorMessage = "error_message"
    }
}

/// A statement that decided a call, named so a person can find it in its document.
public struct ActivityStatement: Sendable, Equatable, Codable {
    public var policyName: String
    public var policyARN: String?
    /// user, group, role, aws-managed, user-managed, resource or permissions-boundary.
    public var source: String
    public var sid: String?
    /// From 0.
    public var index: Int
    public var effect: String
    /// Where the statement starts in its document, from 1.
    public var line: Int

    init(_ matched: MatchedStatement) {
        policyName = matched.policyName
        policyARN = matched.policyArn
        source = matched.source.rawValue
        sid = matched.sid
        index = matched.index
        effect = matched.effect.rawValue
        line = matched.start.line
    }
}
