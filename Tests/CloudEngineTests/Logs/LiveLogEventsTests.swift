import Foundation
import GRDB
import Testing
@testable import CloudEngine

/// Denies `logs:FilterLogEvents` on one group to everyone but the root.
private final class GroupDenyingAuthorizer: Authorizer, @unchecked Sendable {
    let deniedGroupARN: String
    init(deniedGroupARN: String) { self.deniedGroupARN = deniedGroupARN }

    func authorize(_ request: AuthorizationRequest, account: AccountInfo, db: Database) throws {
        guard !request.caller.isRoot, request.action == "logs:FilterLogEvents", request.resource == deniedGroupARN else { return }
        throw EngineError.accessDenied(principalARN: request.caller.arn(accountID: account.accountID), action: request.action,
                                       resource: request.resource, reason: "the test denies it")
    }
}

@Suite("Live log events across groups")
struct LiveLogEventsTests {
    static let now: Int64 = 1_767_225_600_000

    func put(_ logs: LogsService, _ group: String, _ messages: [String]) throws {
        if (try? logs.describeLogStreams(group: group, caller: .root)) == nil {
            try logs.createLogGroup(group, caller: .root)
            try logs.createLogStream(group: group, stream: "s", caller: .root)
        }
        try logs.putLogEvents(group: group, stream: "s", events: messages.enumerated().map {
            InputLogEvent(timestamp: Self.now + Int64($0.offset), message: $0.element)
        }, caller: .root)
    }

    @Test("Only groups under the prefix, in arrival order; nil afterID gives the newest, then only what is new")
    func prefixAndOrder() throws {
        let env = try TestAccount()
        try put(env.logs, "/aws/lambda/a", ["a1", "a2"])
        try put(env.logs, "/other/x", ["x1"])
        try put(env.logs, "/aws/lambda/b", ["b1"])
        try put(env.logs, "/aws/lambda/a", ["a3"])
        let first = try env.logs.liveTail(groupPrefix: "/aws/lambda/", afterID: nil, limit: 3, caller: .root).events
        #expect(first.map(\.event.message) == ["a2", "b1", "a3"])
        #expect(first.map(\.group) == ["/aws/lambda/a", "/aws/lambda/b", "/aws/lambda/a"])
        let last = try #require(first.last?.event.id)
        #expect(try env.logs.liveTail(groupPrefix: "/aws/lambda/", afterID: last, caller: .root).events.isEmpty)
        try put(env.logs, "/aws/lambda/b", ["b2"])
        try put(env.logs, "/other/x", ["x2"])
        #expect(try env.logs.liveTail(groupPrefix: "/aws/lambda/", afterID: last, caller: .root).events.map(\.event.message) == ["b2"])
        #expect(try env.logs.liveTail(groupPrefix: "/aws/lambda/a", afterID: 0, caller: .root).events.map(\.event.message)
                == ["a1", "a2", "a3"])
    }

    @Test("A prefix with LIKE wildcards matches literally")
    func literalPrefix() throws {
        let env = try TestAccount()
        try put(env.logs, "/app_1/x", ["one"])
        try put(env.logs, "/appX1/x", ["other"])
        #expect(try env.logs.liveTail(groupPrefix: "/app_1", afterID: nil, caller: .root).events.map(\.event.message) == ["one"])
    }

    @Test("Groups the caller may not read are left out instead of failing the tail")
    func deniedGroupsSkipped() throws {
        let denied = "arn:aws:logs:us-east-1:\(TestAccount.accountID):log-group:/aws/lambda/secret:*"
        let env = try TestAccount(authorizer: GroupDenyingAuthorizer(deniedGroupARN: denied))
        try put(env.logs, "/aws/lambda/open", ["visible"])
        try put(env.logs, "/aws/lambda/secret", ["hidden"])
        let events = try env.logs.liveTail(groupPrefix: "/aws/lambda/", afterID: nil, caller: .userAlice).events
        #expect(events.map(\.event.message) == ["visible"])
        #expect(try env.logs.liveTail(groupPrefix: "/aws/lambda/", afterID: nil, caller: .root).events.count == 2)
    }
}
