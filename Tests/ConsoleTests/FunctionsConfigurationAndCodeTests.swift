import CloudEngine
@testable import Console
import Foundation
import Testing
import TerminalUI

/// The Configuration tab's view of the function's resource-based policy.
@Suite("Functions panel: resource policy")
struct FunctionsPermissionsTests {
    @Test("A policy document reads as principal, action and source, statement by statement")
    func parse() {
        let policy = #"""
            {"Version":"2012-10-17","Id":"default","Statement":[
             {"Sid":"lambda-1","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction",
              "Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
              "Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::in"}}},
             {"Sid":"ops","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":["lambda:GetFunction"],
              "Resource":"*"}]}
            """#
        #expect(PermissionSummary.parse(policy: policy) == [
            PermissionSummary(statementID: "lambda-1", effect: "Allow", principal: "s3.amazonaws.com",
                              action: "lambda:InvokeFunction", sourceARN: "arn:aws:s3:::in", sourceAccount: "123456789012"),
            PermissionSummary(statementID: "ops", effect: "Allow", principal: "arn:aws:iam::123456789012:root",
                              action: "lambda:GetFunction"),
        ])
        #expect(PermissionSummary.parse(policy: "not json").isEmpty)
    }

    @Test("No policy says who may invoke; a trigger's permission shows who may, from which bucket")
    func shown() throws {
        let f = try FunctionsFixture()
        try f.function("orders", role: try f.plainRole)
        f.openPanel()
        f.open("orders", tab: .configuration)
        #expect(f.screen.contains("Resource policy none · only IAM identities may invoke it"))
        try f.functions.addPermission(function: "orders", FunctionPermission(
            statementID: "s3-in", principal: "s3.amazonaws.com", sourceARN: "arn:aws:s3:::incoming"), caller: .root)
        f.harness.send(.accountChanged([.functions], external: false))
        #expect(f.detail?.permissions.map(\.statementID) == ["s3-in"])
        #expect(f.screen.contains("s3.amazonaws.com may lambda:InvokeFunction from arn:aws:s3:::incoming"))
    }
}

/// Code wider than the screen scrolls sideways with h and l.
@Suite("Functions panel: code scrolls sideways")
struct FunctionsCodeScrollTests {
    @Test("l shows the rest of a long line, h goes back; the header says where the view starts")
    func sideways() throws {
        let f = try FunctionsFixture(size: Size(width: 80, height: 24))
        try f.function("printer", template: .printS3Event, role: try f.plainRole)
        f.openPanel()
        f.open("printer")
        #expect(!f.screen.contains("encoding=\"utf-8\")"))
        f.harness.press("l", "l", "l", "l", "l")
        #expect(f.detail?.codeColumn == 40)
        #expect(f.screen.contains("encoding=\"utf-8\")"))
        #expect(f.screen.contains("from column 41 (h)"))
        f.harness.press("h", "h", "h", "h", "h", "h")
        #expect(f.detail?.codeColumn == 0)
        #expect(f.screen.contains("   1  import json"))
    }

    @Test("Dropping columns keeps roles and never splits a wide character")
    func dropping() {
        let spans = [TextSpan("ab", role: .syntaxKeyword), TextSpan("日本", role: .syntaxString), TextSpan("z")]
        #expect(FunctionTabsView.dropping(1, from: spans) == [TextSpan("b", role: .syntaxKeyword), TextSpan("日本", role: .syntaxString), TextSpan("z")])
        #expect(FunctionTabsView.dropping(3, from: spans) == [TextSpan(" 本", role: .syntaxString), TextSpan("z")])
    }
}
