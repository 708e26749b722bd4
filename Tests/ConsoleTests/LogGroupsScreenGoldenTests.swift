import CloudEngine
import Console
import Foundation
import ScreenTesting
import Testing
import TerminalUI

/// The Log groups panel's screens at 120×40 and 80×24, as text goldens (with the role layer).
@Suite("Log groups screens")
struct LogGroupsScreenGoldenTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24)]

    func golden(_ name: String, sourceLocation: SourceLocation = #_sourceLocation,
                _ setup: (LogGroupsFixture) throws -> Void) throws {
        for size in Self.sizes {
            let f = try LogGroupsFixture(size: size)
            try setup(f)
            assertScreen(f.harness.screen, named: "\(name)_\(size.width)x\(size.height)", roles: true,
                         sourceLocation: sourceLocation)
        }
    }

    @Test func groupList() throws {
        try golden("groupList") { f in
            try f.sample()
            f.openPanel()
        }
    }

    @Test func emptyGroupList() throws {
        try golden("emptyGroupList") { f in f.openPanel() }
    }

    @Test func streamList() throws {
        try golden("streamList") { f in
            try f.sample()
            f.openPanel()
            f.select(LogGroupsFixture.ordersGroup)
            f.harness.press("enter")
        }
    }

    @Test func events() throws {
        try golden("events") { f in
            try f.sample()
            f.openEvents()
        }
    }

    @Test func eventsWrapped() throws {
        try golden("eventsWrapped") { f in
            try f.sample()
            f.openEvents()
            f.harness.press("w")
        }
    }

    @Test func eventsJSON() throws {
        try golden("eventsJSON") { f in
            try f.sample()
            f.openEvents()
            f.harness.press("J", "t")
        }
    }

    @Test func allStreams() throws {
        try golden("allStreams") { f in
            try f.sample()
            f.openEvents(stream: nil)
        }
    }

    @Test func eventsFiltered() throws {
        try golden("eventsFiltered") { f in
            try f.sample()
            f.openEvents()
            f.enter("/", "?ERROR ?WARNING")
        }
    }

    @Test func eventsFilteredWithContext() throws {
        try golden("eventsFilteredWithContext") { f in
            try f.sample()
            f.openEvents()
            f.enter("/", "KeyError")
            f.harness.press("C")
        }
    }

    @Test func jsonPatternFiltered() throws {
        try golden("jsonPatternFiltered") { f in
            try f.sample()
            f.openEvents(group: "/app/payments", stream: "web-1")
            f.enter("/", "{ $.level = \"ERROR\" }")
        }
    }

    @Test func badPattern() throws {
        try golden("badPattern") { f in
            try f.sample()
            f.openEvents()
            f.enter("/", "{ $.level = ")
        }
    }

    @Test func fullScreen() throws {
        try golden("fullScreen") { f in
            try f.sample()
            f.harness.press("L")
            f.openEvents()
            f.harness.press("f")
        }
    }

    @Test func retentionDialog() throws {
        try golden("retentionDialog") { f in
            try f.sample()
            f.openPanel()
            f.select("/app/payments")
            f.harness.press("R")
        }
    }

    @Test func deleteGroupConfirmation() throws {
        try golden("deleteGroupConfirmation") { f in
            try f.sample()
            f.openPanel()
            f.select(LogGroupsFixture.ordersGroup)
            f.harness.press("d")
        }
    }

    @Test func deleteStreamConfirmation() throws {
        try golden("deleteStreamConfirmation") { f in
            try f.sample()
            f.openPanel()
            f.select(LogGroupsFixture.ordersGroup)
            f.harness.press("enter")
            f.select(LogGroupsFixture.secondStream)
            f.harness.press("d")
        }
    }

    @Test func jumpLine() throws {
        try golden("jumpLine") { f in
            try f.sample()
            f.openEvents()
            f.harness.press("T")
            f.harness.type("yesterday")
            f.harness.press("enter")
        }
    }
}
