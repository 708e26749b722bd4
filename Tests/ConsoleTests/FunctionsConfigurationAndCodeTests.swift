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

/// The Triggers tab says what the buckets recently sent, and why an event did not arrive.
@Suite("Functions panel: recent S3 events")
struct FunctionsRecentEventsTests {
    @Test("A delivered event and one S3 was not allowed to deliver, with the reason", .enabled(if: TmuxJourneyTests.hasPython))
    func deliveries() throws {
        let f = try FunctionsFixture()
        try f.function("printer", template: .printS3Event)
        try f.bucket("inbox")
        _ = try f.functions.addS3Trigger(function: "printer", bucket: "inbox", events: ["s3:ObjectCreated:*"], prefix: nil,
                                         suffix: nil, caller: .root)
        f.openPanel()
        f.open("printer", tab: .triggers)
        #expect(f.screen.contains("None yet: upload a matching object to the bucket."))
        try f.account.storage.putObject(bucket: "inbox", key: "a b+c.csv", body: DataBodySource(Data("x".utf8)), caller: .root)
        try f.account.events.drainOnce()
        f.harness.send(.accountChanged([.objects, .invocations], external: false))
        #expect(f.detail?.deliveries.map(\.state) == [.delivered])
        #expect(f.screen.contains("ObjectCreated:Put  inbox/a b+c.csv  ✓ delivered"))
        // Without the permission the trigger added, S3 may not invoke the function.
        let statement = try #require(f.detail?.permissions.first?.statementID)
        try f.functions.removePermission(function: "printer", statementID: statement, caller: .root)
        try f.account.storage.putObject(bucket: "inbox", key: "second.csv", body: DataBodySource(Data("y".utf8)), caller: .root)
        try f.account.events.drainOnce()
        f.harness.send(.accountChanged([.objects, .invocations], external: false))
        #expect(f.detail?.deliveries.map(\.state) == [.failed, .delivered])
        // Too long for one row, the reason goes whole on the rows under the event.
        #expect(f.screen.contains("ObjectCreated:Put  inbox/second.csv "))
        #expect(f.screen.contains("          ✗ not delivered: AccessDenied: User: s3.amazonaws.com is not authorized"))
        #expect(f.screen.contains("because no resource-based policy allows the lambda:InvokeFunction action"))
    }
}

/// Uploading into a bucket with a trigger says which function it sets off, and where to watch it.
@Suite("Buckets panel: uploads that trigger functions")
struct FunctionsUploadNoteTests {
    @Test("The upload's toast names the function a matching rule invokes; a key the rule filters out names none")
    func note() throws {
        let f = try FunctionsFixture()
        try f.function("csv-reader", role: try f.plainRole)
        try f.bucket("inbox")
        _ = try f.functions.addS3Trigger(function: "csv-reader", bucket: "inbox", events: ["s3:ObjectCreated:*"], prefix: nil,
                                         suffix: ".csv", caller: .root)
        try f.base.localFile("sales.csv", "a,b\n")
        try f.base.localFile("notes.txt", "hello\n")
        f.harness.start()
        f.base.open(bucket: "inbox")
        for name in ["sales.csv", "notes.txt"] {
            f.harness.press("u")
            f.harness.type(name)
            f.harness.press("enter")
            let expected = name == "sales.csv" ? " · triggers csv-reader (L shows its output)" : ""
            #expect(f.lastToast == "Uploaded \(name) (\(name == "sales.csv" ? "4 B" : "6 B")) to s3://inbox/" + expected)
        }
    }
}

/// A function deleted by someone else while it is open.
@Suite("Functions panel: deleted elsewhere")
struct FunctionsDeletedElsewhereTests {
    @Test("The open function's view closes with a message, and the list no longer shows it")
    func deletedElsewhere() throws {
        let f = try FunctionsFixture()
        try f.function("gone", role: try f.plainRole)
        try f.function("stays", role: try f.plainRole)
        f.openPanel()
        f.open("gone", tab: .configuration)
        #expect(f.detail?.name == "gone")
        let other = try Account.open(path: f.account.path)
        try other.functions.deleteFunction("gone", caller: .root)
        f.harness.send(.accountChanged([.functions], external: true))
        #expect(f.detail == nil)
        #expect(f.lastToast == "Function gone no longer exists: it was deleted.")
        #expect(f.state.table.rows.map(\.id) == ["stays"])
    }
}

/// Publishing versions from the Configuration tab.
@Suite("Functions panel: versions")
struct FunctionsVersionsTests {
    @Test("p publishes a version with a description; publishing unchanged code again returns the same version")
    func publish() throws {
        let f = try FunctionsFixture()
        try f.function("versioned", role: try f.plainRole)
        f.openPanel()
        f.open("versioned", tab: .configuration)
        #expect(f.screen.contains("Versions        $LATEST  (p publishes one)"))
        f.harness.press("p")
        guard case .publishVersion? = f.state.modal else { Issue.record("no publish form"); return }
        f.harness.type("first cut")
        f.harness.press("enter")
        #expect(f.state.modal == nil)
        #expect(f.lastToast == "Published version 1 of versioned.")
        #expect(f.detail?.versions == ["1"])
        #expect(f.screen.contains("Versions        $LATEST · 1"))
        let published = try f.functions.listVersionsByFunction("versioned", caller: .root).filter { $0.version == "1" }
        #expect(published.first?.description == "first cut")
        f.harness.press("p", "enter")
        #expect(f.lastToast == "Published version 1 of versioned.", "nothing changed, so Lambda returns the last version")
        #expect(f.detail?.versions == ["1"])
    }
}

/// A configuration longer than the screen scrolls.
@Suite("Functions panel: long configuration")
struct FunctionsLongConfigurationTests {
    @Test("j scrolls to the last rows at 80×24 and stops there; k goes back")
    func scrolls() throws {
        let f = try FunctionsFixture(size: Size(width: 80, height: 24))
        let environment = Dictionary(uniqueKeysWithValues: (1...8).map { ("VAR_\($0)", "value\($0)") })
        try f.function("many", role: try f.plainRole, environment: environment)
        f.openPanel()
        f.open("many", tab: .configuration)
        #expect(!f.screen.contains("Resource policy"))
        #expect(f.screen.contains("↓ j for more"))
        for _ in 0..<30 { f.harness.press("j") }
        #expect(f.screen.contains("Resource policy none · only IAM identities may invoke it"))
        #expect(f.screen.contains("↑ k for the top"))
        let bottom = f.detail?.configurationScroll ?? 0
        #expect(bottom > 0 && bottom < 30, "scrolling stops at the last row")
        f.harness.press("k")
        #expect(f.detail?.configurationScroll == bottom - 1)
        f.harness.press("g")
        #expect(f.screen.contains("Runtime"))
    }
}

/// What an open function reloads when the account changes.
@Suite("Functions panel: reloads")
struct FunctionsReloadTests {
    @Test("New invocations or objects reload only the activity; a configuration change reloads everything")
    func activityOnly() throws {
        let f = try FunctionsFixture()
        try f.function("busy", role: try f.plainRole)
        f.openPanel()
        f.open("busy", tab: .invocations)
        var before = f.harness.ranEffects.count
        f.harness.send(.accountChanged([.invocations, .objects], external: false))
        let activity = f.harness.ranEffects.dropFirst(before)
        #expect(activity.contains(.functions(.loadActivity("busy", buckets: []))))
        #expect(!activity.contains(.functions(.loadDetail("busy"))))
        before = f.harness.ranEffects.count
        f.harness.send(.accountChanged([.functions], external: false))
        #expect(f.harness.ranEffects.dropFirst(before).contains(.functions(.loadDetail("busy"))))
    }
}
