import Testing
@testable import CloudEngine

@Suite("Log group tags")
struct LogGroupTagsTests {
    @Test("Tags given at creation, added, replaced and removed; they go with their group")
    func lifecycle() throws {
        let env = try TestAccount()
        try env.logs.createLogGroup("g", tags: ["team": "web"], caller: .root)
        try env.logs.tagLogGroup("g", tags: ["team": "api", "env": "dev"], caller: .root)
        try env.logs.untagLogGroup("g", keys: ["env", "absent"], caller: .root)
        #expect(try env.logs.listTagsLogGroup("g", caller: .root) == ["team": "api"])
        try env.logs.deleteLogGroup("g", caller: .root)
        try env.logs.createLogGroup("g", caller: .root)
        #expect(try env.logs.listTagsLogGroup("g", caller: .root).isEmpty)
    }

    @Test("Reserved keys, over-long values and more than 50 tags are refused")
    func limits() throws {
        let env = try TestAccount()
        try env.logs.createLogGroup("g", caller: .root)
        #expect(throws: EngineError.self) { try env.logs.tagLogGroup("g", tags: ["aws:x": "1"], caller: .root) }
        #expect(throws: EngineError.self) { try env.logs.tagLogGroup("g", tags: ["k": String(repeating: "v", count: 257)], caller: .root) }
        let many = Dictionary(uniqueKeysWithValues: (0..<51).map { ("k\($0)", "v") })
        #expect { try env.logs.tagLogGroup("g", tags: many, caller: .root) } throws: { ($0 as? EngineError)?.code == "TooManyTagsException" }
        #expect(try env.logs.listTagsLogGroup("g", caller: .root).isEmpty)
    }

    @Test("An ARN names its group, with or without :*; another account's or service's ARN is refused")
    func arns() throws {
        let env = try TestAccount()
        let prefix = "arn:aws:logs:\(env.account.region):\(TestAccount.accountID):log-group:"
        #expect(try env.logs.groupName(fromARN: prefix + "/app/x") == "/app/x")
        #expect(try env.logs.groupName(fromARN: prefix + "/app/x:*") == "/app/x")
        #expect(throws: EngineError.self) { try env.logs.groupName(fromARN: "arn:aws:logs:us-east-1:000000000000:log-group:x") }
        #expect(throws: EngineError.self) { try env.logs.groupName(fromARN: "arn:aws:s3:::bucket") }
    }
}
