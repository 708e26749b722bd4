import CloudEngine
import Console
import Foundation
import ScreenTesting
import Testing
import TerminalUI

/// Every screen of the Roles panel, at 120×40 and 80×24, as text goldens (with the role layer).
@Suite("Roles screens")
struct RolesScreenGoldenTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24)]

    func golden(_ name: String, sourceLocation: SourceLocation = #_sourceLocation, _ setup: (RolesFixture) throws -> Void) throws {
        for size in Self.sizes {
            let f = try RolesFixture(size: size)
            try setup(f)
            f.harness.update { $0.toasts.removeAll() }
            assertScreen(f.harness.screen, named: "\(name)_\(size.width)x\(size.height)", roles: true,
                         sourceLocation: sourceLocation)
        }
    }

    /// Two roles: one for a function (basic execution and an inline S3 read), one any account identity may assume.
    func sample(_ f: RolesFixture) throws {
        try f.role("orders-api-role", policies: ["service-role/AWSLambdaBasicExecutionRole"], description: "Runs the orders API")
        try f.iam.putInlinePolicy("read-uploads", document: #"{"Version":"2012-10-17","Statement":[{"Sid":"ReadUploads","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::uploads/*"}]}"#,
                                  on: .role("orders-api-role"), caller: .root)
        try f.iam.createRole("admin-switch", trustPolicy: TrustPolicyText.account, attaching: [], caller: .root)
    }

    @Test func emptyList() throws {
        try golden("emptyList") { f in f.openPanel() }
    }

    @Test func list() throws {
        try golden("list") { f in
            try sample(f)
            f.openPanel()
        }
    }

    @Test func detailPermissions() throws {
        try golden("detailPermissions") { f in
            try sample(f)
            f.open("orders-api-role")
            f.harness.press("j")
        }
    }

    @Test func detailTrust() throws {
        try golden("detailTrust") { f in
            try sample(f)
            f.open("orders-api-role")
            f.harness.press("2")
        }
    }

    @Test func detailNoPermissions() throws {
        try golden("detailNoPermissions") { f in
            try sample(f)
            f.open("admin-switch")
        }
    }

    @Test func wizardTrust() throws {
        try golden("wizardTrust") { f in
            f.openPanel()
            f.harness.press("n")
        }
    }

    @Test func wizardPermissions() throws {
        try golden("wizardPermissions") { f in
            f.openPanel()
            f.harness.press("n", "enter")
            f.harness.type("AmazonS3")
            f.harness.press("down", "space")
        }
    }

    @Test func wizardReview() throws {
        try golden("wizardReview") { f in
            f.openPanel()
            f.harness.press("n", "enter")
            f.harness.type("AWSLambdaBasicExecutionRole")
            f.harness.press("space", "enter")
            f.harness.type("thumbnailer-role")
            f.harness.press("tab")
            f.harness.type("Makes thumbnails of uploads")
        }
    }

    @Test func attachPicker() throws {
        try golden("attachPicker") { f in
            try sample(f)
            f.open("orders-api-role")
            f.harness.press("a")
            f.harness.type("lambda")
        }
    }

    @Test func inlineForm() throws {
        try golden("inlineForm") { f in
            try sample(f)
            f.open("orders-api-role")
            f.harness.press("i")
            f.harness.type("write-results")
            f.harness.press("tab", "tab", "tab")
            f.harness.type("PutOb")
            f.harness.press("tab", "tab", "right", "right", "tab")
            f.harness.type("results/summaries/*")
        }
    }

    @Test func documentRefused() throws {
        try golden("documentRefused") { f in
            try sample(f)
            f.open("orders-api-role")
            f.harness.press("j")
            f.editor.answer("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",}\n  ]\n}\n")
            f.harness.press("e")
        }
    }

    @Test func deleteConfirmation() throws {
        try golden("deleteConfirmation") { f in
            try sample(f)
            f.open("orders-api-role")
            f.harness.press("D")
        }
    }

    @Test func actingAsUser() throws {
        try golden("actingAsUser") { f in
            try sample(f)
            try f.user("viewer", policies: ["AmazonS3ReadOnlyAccess"])
            f.command("as viewer")
            f.openPanel()
        }
    }
}
