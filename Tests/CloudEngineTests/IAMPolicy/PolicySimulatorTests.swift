import Foundation
import Testing
@testable import CloudEngine
@testable import IAMPolicy

@Suite("Policy simulation (SimulateCustomPolicy)")
struct PolicySimulatorTests {
    /// The policy of the aws CLI's `simulate-custom-policy` example.
    static let cliExamplePolicy = #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}"#

    @Test("Reproduces the aws CLI example, statement positions included")
    func reproducesCLIExample() throws {
        let output = try PolicySimulator.simulate(
            identityPolicies: [Self.cliExamplePolicy], actions: ["dynamodb:CreateBackup"],
            contextEntries: ["aws:CurrentTime=2019-04-25T11:00:00Z"])
        #expect(output == """
            {
                "EvaluationResults": [
                    {
                        "EvalActionName": "dynamodb:CreateBackup",
                        "EvalResourceName": "*",
                        "EvalDecision": "allowed",
                        "MatchedStatements": [
                            {
                                "SourcePolicyId": "PolicyInputList.1",
                                "SourcePolicyType": "IAM Policy",
                                "StartPosition": {
                                    "Line": 1,
                                    "Column": 38
                                },
                                "EndPosition": {
                                    "Line": 1,
                                    "Column": 167
                                }
                            }
                        ],
                        "MissingContextValues": []
                    }
                ]
            }

            """)
    }

    @Test("The CLI's second example: a date before the condition is an implicit deny")
    func cliExampleDenied() throws {
        let results = try PolicySimulator.evaluate(
            identityPolicies: [Self.cliExamplePolicy], actions: ["dynamodb:CreateBackup"],
            contextEntries: ["aws:CurrentTime=2014-04-25T11:00:00Z"])
        #expect(results.map(\.decision.outcome) == [.implicitDeny])
        #expect(results[0].decision.matchedStatements.isEmpty)
    }

    @Test("Output is valid JSON that Foundation can read back")
    func outputIsJSON() throws {
        let output = try PolicySimulator.simulate(
            identityPolicies: [Fixture.allow("s3:GetObject", on: [#"arn:aws:s3:::b/\"q\"/*"#])], actions: ["s3:GetObject", "s3:PutObject"],
            resourceArn: "arn:aws:s3:::b/\"q\"/k")
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let results = try #require(object?["EvaluationResults"] as? [[String: Any]])
        #expect(results.map { $0["EvalDecision"] as? String } == ["allowed", "implicitDeny"])
        #expect(results.first?["EvalResourceName"] as? String == "arn:aws:s3:::b/\"q\"/k")
    }

    @Test("Missing context values name the keys the applicable statements test")
    func reportsMissingContext() throws {
        let policy = Fixture.document(
            Fixture.statement("Allow", ["s3:GetObject"], ["arn:aws:s3:::b/${aws:username}/*"],
                              condition: #"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"Bool":{"aws:SecureTransport":"true"}}"#),
            Fixture.statement("Allow", ["iam:*"], condition: Fixture.cond("StringEquals", "iam:PassedToService", ["lambda.amazonaws.com"])))
        let results = try PolicySimulator.evaluate(
            identityPolicies: [policy], actions: ["s3:GetObject"], resourceArn: "arn:aws:s3:::b/alice/k",
            contextEntries: ["AWS:SecureTransport=true"])
        #expect(results[0].missingContextValues == ["aws:SourceIp", "aws:username"])
        #expect(results[0].decision.outcome == .implicitDeny)
    }

    @Test("A context key given twice is multi-valued")
    func multiValuedContext() throws {
        let policy = Fixture.allowIf(Fixture.cond("ForAllValues:StringEquals", "aws:TagKeys", ["a", "b"]))
        let allowed = try PolicySimulator.evaluate(
            identityPolicies: [policy], actions: ["s3:GetObject"], contextEntries: ["aws:TagKeys=a", "aws:TagKeys=b"])
        let denied = try PolicySimulator.evaluate(
            identityPolicies: [policy], actions: ["s3:GetObject"], contextEntries: ["aws:TagKeys=a", "aws:TagKeys=c"])
        #expect(allowed[0].decision.outcome == .allowed)
        #expect(denied[0].decision.outcome == .implicitDeny)
    }

    @Test("A resource policy grants to the caller it names, reported as ResourcePolicy")
    func resourcePolicy() throws {
        let bucketPolicy = Fixture.bucketPolicy("Allow", principal: #"{"AWS":"arn:aws:iam::123456789012:user/alice"}"#)
        let output = try PolicySimulator.simulate(
            identityPolicies: [], resourcePolicy: bucketPolicy, actions: ["s3:GetObject"], resourceArn: "arn:aws:s3:::b/k",
            callerArn: "arn:aws:iam::123456789012:user/alice")
        #expect(output.contains(#""SourcePolicyId": "ResourcePolicy""#))
        #expect(output.contains(#""SourcePolicyType": "Resource Policy""#))
        #expect(output.contains(#""EvalDecision": "allowed""#))
    }

    @Test("An explicit deny lists only the deny statement")
    func explicitDenyStatements() throws {
        let results = try PolicySimulator.evaluate(
            identityPolicies: [Fixture.allow("s3:*"), Fixture.deny("s3:GetObject")], actions: ["s3:GetObject"])
        #expect(results[0].decision.outcome == .explicitDeny)
        #expect(results[0].decision.matchedStatements.map(\.policyName) == ["PolicyInputList.2"])
    }

    @Test("Callers with a path keep it")
    func callerWithPath() throws {
        let caller = try PolicySimulator.simulatedCaller("arn:aws:iam::123456789012:user/eng/data/bob")
        #expect(caller == PolicyCaller.user(accountId: "123456789012", name: "bob", path: "/eng/data/"))
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var identity: [String] = [Fixture.allow("s3:GetObject")]
        var resourcePolicy: String?
        var actions = ["s3:GetObject"]
        var caller: String?
        var context: [String] = []
        var message: String
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(name: "no actions", actions: [], message: "Name at least one action to simulate"),
        ErrorCase(name: "action without a service", actions: ["GetObject"], message: "Action \"GetObject\" must be of the form service:action"),
        ErrorCase(
            name: "malformed identity policy", identity: [Fixture.allow("s3:GetObject"), #"{"Statement": []}"#],
            message: "PolicyInputList.2 is not a valid policy: Syntax errors in policy: the Statement list is empty; a policy needs at least one statement (line 1, column 15)"),
        ErrorCase(
            name: "resource policy without a caller", resourcePolicy: Fixture.bucketPolicy("Allow", principal: #""*""#),
            message: "CallerArn is required if you include a ResourcePolicy"),
        ErrorCase(
            name: "malformed resource policy", resourcePolicy: Fixture.allow("s3:GetObject"), caller: "arn:aws:iam::123456789012:user/alice",
            message: "ResourcePolicy is not a valid policy: Missing required field Principal"),
        ErrorCase(
            name: "caller that is a group", caller: "arn:aws:iam::123456789012:group/devs",
            message: "CallerArn \"arn:aws:iam::123456789012:group/devs\" is not one the simulator accepts; give the ARN of an IAM user"),
        ErrorCase(name: "context entry without =", context: ["aws:SourceIp"], message: "Context entry \"aws:SourceIp\" must be KEY=VALUE"),
        ErrorCase(name: "context entry without a key", context: ["=x"], message: "Context entry \"=x\" must be KEY=VALUE"),
    ]

    @Test(arguments: errorCases)
    func refusesBadInput(_ row: ErrorCase) {
        do {
            _ = try PolicySimulator.simulate(
                identityPolicies: row.identity, resourcePolicy: row.resourcePolicy, actions: row.actions,
                callerArn: row.caller, contextEntries: row.context)
            Issue.record("\(row.name): the simulation ran")
        } catch {
            #expect(error.code == "InvalidInput")
            #expect(error.message.contains(row.message), "\(error.message)")
        }
    }
}
