import Foundation
import Testing
@testable import CloudEngine

@Suite("Functions console: execution roles")
struct FnConsoleExecutionRoleTests {
    @Test("only roles whose trust policy lets lambda.amazonaws.com assume them are listed, by name")
    func listsLambdaRoles() throws {
        let test = try TestAccount()
        try test.role("zeta-lambda", trust: IAMDoc.trustLambda)
        try test.role("ec2-only", trust: IAMDoc.trust(#"{"Service": "ec2.amazonaws.com"}"#))
        try test.role("alpha-both", trust: IAMDoc.trust(#"{"Service": ["ec2.amazonaws.com", "lambda.amazonaws.com"]}"#))
        try test.role("user-trust", trust: IAMDoc.trustUser("ada"))
        try test.role("denied", trust: """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"},
              {"Effect": "Deny", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
            """)
        let roles = try test.functions.lambdaExecutionRoles(caller: .root)
        #expect(roles.map(\.name) == ["alpha-both", "zeta-lambda"])
        #expect(roles.first == (try test.iam.role("alpha-both", caller: .root)))
    }

    @Test("listing needs iam:ListRoles")
    func listingAuthorization() throws {
        let test = try TestAccount()
        try test.lambdaRole()
        let stranger = try test.user("stranger")
        expectEngineError("AccessDenied", 403, "iam:ListRoles") {
            try test.functions.lambdaExecutionRoles(caller: stranger)
        }
        let lister = try test.user("lister", policies: [IAMDoc.allow("iam:ListRoles")])
        #expect(try test.functions.lambdaExecutionRoles(caller: lister).map(\.name) == ["lambda-exec"])
    }

    @Test("the basic execution role is made as the console makes it: role, policy for the function's logs, attached")
    func createsBasicRole() throws {
        let test = try TestAccount()
        let before = try test.changeCount(.iam)
        let role = try test.functions.createBasicExecutionRole(forFunction: "my-fn", caller: .root)
        #expect(try test.changeCount(.iam) == before + 3)
        let suffix = role.name.dropFirst("my-fn-role-".count)
        #expect(role.name.hasPrefix("my-fn-role-"))
        #expect(suffix.count == 8)
        #expect(suffix.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
        #expect(role.path == "/service-role/")
        #expect(role.arn == "arn:aws:iam::\(TestAccount.accountID):role/service-role/\(role.name)")
        #expect(try test.iam.role(role.name, caller: .root) == role)
        #expect(try test.functions.lambdaExecutionRoles(caller: .root).map(\.name) == [role.name])

        let attached = try test.iam.attachedPolicies(of: .role(role.name), caller: .root)
        #expect(attached.count == 1)
        let policyARN = try #require(attached.first?.arn)
        let policy = try test.iam.policy(policyARN, caller: .root)
        #expect(policy.path == "/service-role/")
        #expect(policy.name.hasPrefix("AWSLambdaBasicExecutionRole-"))
        #expect(policy.name.dropFirst("AWSLambdaBasicExecutionRole-".count).count == 36)
        #expect(policyARN == "arn:aws:iam::\(TestAccount.accountID):policy/service-role/\(policy.name)")
        let document = try test.iam.policyVersion(policyARN, versionID: "v1", caller: .root).document
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        let statements = try #require(parsed["Statement"] as? [[String: Any]])
        #expect(statements.count == 2)
        #expect(statements[0]["Action"] as? String == "logs:CreateLogGroup")
        #expect(statements[0]["Resource"] as? String == "arn:aws:logs:us-east-1:\(TestAccount.accountID):*")
        #expect(statements[1]["Action"] as? [String] == ["logs:CreateLogStream", "logs:PutLogEvents"])
        #expect(statements[1]["Resource"] as? [String] == ["arn:aws:logs:us-east-1:\(TestAccount.accountID):log-group:/aws/lambda/my-fn:*"])
        #expect(statements.allSatisfy { $0["Effect"] as? String == "Allow" })

        // A second role for the same function gets another name.
        let again = try test.functions.createBasicExecutionRole(forFunction: "my-fn", caller: .root)
        #expect(again.name != role.name && again.name.hasPrefix("my-fn-role-"))
    }

    @Test("a 64-character function name still gives a role name within IAM's 64 characters")
    func longName() throws {
        let test = try TestAccount()
        let name = String(repeating: "f", count: 64)
        let role = try test.functions.createBasicExecutionRole(forFunction: name, caller: .root)
        #expect(role.name.count == 64)
        #expect(role.name.hasPrefix(String(repeating: "f", count: 50) + "-role-"))
    }

    @Test("a bad function name fails with Lambda's error before anything is created")
    func badName() throws {
        let test = try TestAccount()
        expectEngineError("ValidationException", 400, "Value 'my fn' at 'functionName' failed to satisfy constraint") {
            try test.functions.createBasicExecutionRole(forFunction: "my fn", caller: .root)
        }
        expectEngineError("ValidationException", 400, "Member must have length less than or equal to 64") {
            try test.functions.createBasicExecutionRole(forFunction: String(repeating: "f", count: 65), caller: .root)
        }
        expectEngineError("InvalidParameterValueException", 400, "carries a qualifier") {
            try test.functions.createBasicExecutionRole(forFunction: "fn:1", caller: .root)
        }
        #expect(try test.iam.listRoles(caller: .root).isEmpty)
        #expect(try test.iam.listPolicies(scope: .local, caller: .root).isEmpty)
    }

    @Test("each step runs as the caller; when one is denied, what the earlier steps made is removed")
    func rollsBack() throws {
        let test = try TestAccount()
        let noAttach = try test.user("no-attach", policies: [IAMDoc.allow("iam:CreateRole", "iam:CreatePolicy")])
        expectEngineError("AccessDenied", 403, "iam:AttachRolePolicy") {
            try test.functions.createBasicExecutionRole(forFunction: "fn", caller: noAttach)
        }
        #expect(try test.iam.listRoles(caller: .root).isEmpty)
        #expect(try test.iam.listPolicies(scope: .local, caller: .root).isEmpty)

        let noPolicy = try test.user("no-policy", policies: [IAMDoc.allow("iam:CreateRole", "iam:AttachRolePolicy")])
        expectEngineError("AccessDenied", 403, "iam:CreatePolicy") {
            try test.functions.createBasicExecutionRole(forFunction: "fn", caller: noPolicy)
        }
        #expect(try test.iam.listRoles(caller: .root).isEmpty)

        let nothing = try test.user("nothing")
        expectEngineError("AccessDenied", 403, "iam:CreateRole") {
            try test.functions.createBasicExecutionRole(forFunction: "fn", caller: nothing)
        }

        let allowed = try test.user("builder", policies: [IAMDoc.allow("iam:CreateRole", "iam:CreatePolicy", "iam:AttachRolePolicy")])
        let role = try test.functions.createBasicExecutionRole(forFunction: "fn", caller: allowed)
        #expect(try test.iam.listRoles(caller: .root).map(\.name) == [role.name])
        #expect(try test.iam.listPolicies(scope: .local, caller: .root).count == 1)
    }

    @Test("a function using the new role runs and writes its log; another function with the role cannot write log events")
    func invokedFunctionLogs() throws {
        let test = try TestAccount()
        defer { test.removeCodeCache() }
        let role = try test.functions.createBasicExecutionRole(forFunction: "logger", caller: .root)
        for name in ["logger", "other"] {
            try test.functions.createFunction(name, runtime: "python3.12", handler: "app.handler", role: role.arn,
                                              code: .files(["app.py": Data(InvokeFixture.helloSource.utf8)]), caller: .root)
        }
        let response = try test.functions.invoke("logger", payload: Data(#"{"name": "Ada"}"#.utf8), caller: .root)
        #expect(response.functionError == nil)
        #expect(response.json?["message"] as? String == "hello Ada")
        let record = try #require(try test.functions.invocations(function: "logger", caller: .root).first)
        #expect(record.requestID == response.requestID)
        let messages = try test.logMessages(function: "logger", stream: try #require(record.logStreamName))
        #expect(messages.contains { $0.contains("hello from logger") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("REPORT RequestId: \(response.requestID)") })

        // Streams and events are allowed in /aws/lambda/logger only: the other function runs, and (as on AWS)
        // may create its log group, but gets no stream and its lines are dropped.
        let other = try test.functions.invoke("other", payload: Data("{}".utf8), caller: .root)
        #expect(other.functionError == nil)
        #expect(try test.logGroupNames() == ["/aws/lambda/logger", "/aws/lambda/other"])
        #expect(try test.logs.describeLogStreams(group: "/aws/lambda/other", caller: .root).items.isEmpty)
        #expect(try test.logs.describeLogStreams(group: "/aws/lambda/logger", caller: .root).items.count == 1)
    }
}
