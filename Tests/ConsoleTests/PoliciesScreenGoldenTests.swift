import CloudEngine
import Console
import Foundation
import ScreenTesting
import Testing
import TerminalUI

/// The Policies panel's screens at 120×40 and 80×24, as text goldens (with the role layer).
@Suite("Policies screens")
struct PoliciesScreenGoldenTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24)]

    /// A document with a missing comma after its second line.
    static let malformed = "{\n  \"Version\": \"2012-10-17\"\n  \"Statement\": []\n}\n"

    func golden(_ name: String, editor: ExternalEditor = .unavailable, sourceLocation: SourceLocation = #_sourceLocation,
                _ setup: (PoliciesFixture) throws -> Void) throws {
        for size in Self.sizes {
            let f = try PoliciesFixture(size: size, editor: editor)
            try setup(f)
            assertScreen(f.harness.screen, named: "\(name)_\(size.width)x\(size.height)", roles: true,
                         sourceLocation: sourceLocation)
        }
    }

    @Test func policyList() throws {
        try golden("policyList") { f in
            try f.sample()
            f.openPanel()
        }
    }

    @Test func customerManagedList() throws {
        try golden("customerManagedList") { f in
            try f.sample()
            f.openPanel()
            f.harness.press("t", "t")
        }
    }

    @Test func emptyCustomerManagedList() throws {
        try golden("emptyCustomerManagedList") { f in
            f.openPanel()
            f.harness.press("t", "t")
        }
    }

    @Test func filteredList() throws {
        try golden("filteredList") { f in
            try f.sample()
            f.openPanel()
            f.filter("lambdabasic")
        }
    }

    @Test func customerPolicyDetail() throws {
        try golden("customerPolicyDetail") { f in
            try f.sample()
            f.openPanel()
            f.open("orders-read")
        }
    }

    @Test func awsManagedDetail() throws {
        try golden("awsManagedDetail") { f in
            try f.sample()
            f.openPanel()
            f.open("AWSLambdaBasicExecutionRole")
        }
    }

    @Test func versionsList() throws {
        try golden("versionsList") { f in
            try f.sample()
            f.openPanel()
            f.open("orders-read")
            f.harness.press("v")
        }
    }

    @Test func createForm() throws {
        try golden("createForm") { f in
            try f.sample()
            f.openPanel()
            f.harness.press("n")
            f.harness.type("orders-write")
            f.harness.press("tab")
            f.harness.type("Writes order files")
        }
    }

    @Test func createFormMalformedDocument() throws {
        try golden("createFormMalformedDocument", editor: ExternalEditor { _, _ in Data(Self.malformed.utf8) }) { f in
            f.openPanel()
            f.harness.press("n")
            f.harness.type("broken")
            f.harness.press("enter")
        }
    }

    @Test func newVersionRefused() throws {
        try golden("newVersionRefused", editor: ExternalEditor { _, _ in Data(Self.malformed.utf8) }) { f in
            try f.sample()
            f.openPanel()
            f.open("orders-read")
            f.harness.press("e")
        }
    }
}
