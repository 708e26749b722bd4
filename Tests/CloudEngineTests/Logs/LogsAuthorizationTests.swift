import Foundation
import Testing
@testable import CloudEngine

private let alice = Caller.userAlice

@Suite("Logs authorization")
struct LogsAuthorizationTests {
    static let groupARN = "arn:aws:logs:us-east-1:123456789012:log-group:g:*"
    static let streamARN = "arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s"
    static let now: Int64 = 1_767_225_600_000

    enum Call: String, CaseIterable, Sendable {
        case createGroup, deleteGroup, putRetention, deleteRetention, describeGroups
        case createStream, deleteStream, describeStreams, putEvents, getEvents, eventsAfter

        var expected: String {
            switch self {
            case .createGroup: return "logs:CreateLogGroup arn:aws:logs:us-east-1:123456789012:log-group:new:*"
            case .deleteGroup: return "logs:DeleteLogGroup \(groupARN)"
            case .putRetention: return "logs:PutRetentionPolicy \(groupARN)"
            case .deleteRetention: return "logs:DeleteRetentionPolicy \(groupARN)"
            case .describeGroups: return "logs:DescribeLogGroups arn:aws:logs:us-east-1:123456789012:log-group:*"
            case .createStream: return "logs:CreateLogStream arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:new"
            case .deleteStream: return "logs:DeleteLogStream \(streamARN)"
            case .describeStreams: return "logs:DescribeLogStreams \(groupARN)"
            case .putEvents: return "logs:PutLogEvents \(streamARN)"
            case .getEvents: return "logs:GetLogEvents \(streamARN)"
            case .eventsAfter: return "logs:FilterLogEvents \(groupARN)"
            }
        }

        func run(_ logs: LogsService) throws {
            switch self {
            case .createGroup: try logs.createLogGroup("new", caller: alice)
            case .deleteGroup: try logs.deleteLogGroup("g", caller: alice)
            case .putRetention: try logs.putRetentionPolicy(group: "g", days: 7, caller: alice)
            case .deleteRetention: try logs.deleteRetentionPolicy(group: "g", caller: alice)
            case .describeGroups: _ = try logs.describeLogGroups(caller: alice)
            case .createStream: try logs.createLogStream(group: "g", stream: "new", caller: alice)
            case .deleteStream: try logs.deleteLogStream(group: "g", stream: "s", caller: alice)
            case .describeStreams: _ = try logs.describeLogStreams(group: "g", caller: alice)
            case .putEvents:
                try logs.putLogEvents(group: "g", stream: "s", events: [InputLogEvent(timestamp: now, message: "m")], caller: alice)
            case .getEvents: _ = try logs.getLogEvents(group: "g", stream: "s", caller: alice)
            case .eventsAfter: _ = try logs.eventsAfter(group: "g", afterID: 0, caller: alice)
            }
        }
    }

    @Test("Each logs call asks for its IAM action on its resource", arguments: Call.allCases)
    func asks(call: Call) throws {
        let authorizer = RecordingAuthorizer()
        let env = try TestAccount(authorizer: authorizer)
        try env.logs.createLogGroup("g", caller: .root)
        try env.logs.createLogStream(group: "g", stream: "s", caller: .root)
        authorizer.reset()
        try call.run(env.logs)
        #expect(authorizer.asked == [call.expected])
    }

    @Test("A user is AccessDenied (403) on logs by default, and nothing is written")
    func userDenied() throws {
        let env = try TestAccount(authorizer: RootOnlyAuthorizer())
        try env.logs.createLogGroup("g", caller: .root)
        try env.logs.createLogStream(group: "g", stream: "s", caller: .root)
        expectEngineError("AccessDenied", 403,
            #"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: logs:PutLogEvents on resource: "arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s""#) {
            try env.logs.putLogEvents(group: "g", stream: "s", events: [InputLogEvent(timestamp: Self.now, message: "m")], caller: alice)
        }
        #expect(try env.count("SELECT count(*) FROM log_events") == 0)
    }
}
