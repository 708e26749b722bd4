import CloudEngine
import Console
import Foundation
import ScreenTesting
import Testing
import TerminalUI

/// The live log pane's screens at 120×40 and 80×24, as text goldens (with the role layer).
@Suite("Live log pane screens")
struct LogPaneScreenGoldenTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24)]

    func golden(_ name: String, sourceLocation: SourceLocation = #_sourceLocation,
                _ setup: (LogPaneFixture) throws -> Void) throws {
        for size in Self.sizes {
            let f = try LogPaneFixture(size: size)
            try setup(f)
            assertScreen(f.harness.screen, named: "\(name)_\(size.width)x\(size.height)", roles: true,
                         sourceLocation: sourceLocation)
        }
    }

    /// The pane open with the focus, as tall as the screen allows for what it shows.
    func open(_ f: LogPaneFixture) {
        f.openPane(taller: f.state.size.height >= 40 ? 5 : 1)
    }

    @Test func followingAll() throws {
        try golden("followingAll") { f in
            try f.invocations()
            open(f)
        }
    }

    @Test func levelsStartEndReport() throws {
        try golden("levelsStartEndReport") { f in
            try f.invocations()
            open(f)
            f.harness.press("g", "space", "enter")
        }
    }

    @Test func groupPicker() throws {
        try golden("groupPicker") { f in
            try f.invocations()
            try f.put("/app/checkout", ["{\"level\":\"info\",\"msg\":\"paid\"}"])
            open(f)
            f.harness.press("g", "j", "space", "j", "j", "space", "j")
        }
    }

    @Test func followingPickedGroups() throws {
        try golden("followingPickedGroups") { f in
            try f.invocations()
            try f.put("/app/checkout", ["{\"level\":\"info\",\"msg\":\"paid\",\"order\":42}"])
            open(f)
            f.harness.press("g", "j", "space", "j", "space", "enter")
        }
    }

    @Test func pausedWithNew() throws {
        try golden("pausedWithNew") { f in
            try f.invocations()
            open(f)
            f.harness.press("space")
            try f.put("/aws/lambda/orders", ["[INFO]\tafter the pause", "more", "and more"])
        }
    }

    @Test func scrolledBack() throws {
        try golden("scrolledBack") { f in
            try f.put("/aws/lambda/fn", (1...40).map { "INFO step \($0) of the import" })
            open(f)
            f.harness.press("pgup", "k")
            try f.put("/aws/lambda/fn", ["INFO step 41 of the import", "INFO done"])
        }
    }

    @Test func filtered() throws {
        try golden("filtered") { f in
            try f.invocations()
            open(f)
            f.harness.press("/")
            f.harness.type("?ERROR ?WARNING")
            f.harness.press("enter")
        }
    }

    @Test func badFilter() throws {
        try golden("badFilter") { f in
            try f.invocations()
            open(f)
            f.harness.press("/")
            f.harness.type("{ $.ms > }")
        }
    }

    @Test func sampled() throws {
        try golden("sampled") { f in
            open(f)
            try f.put("/aws/lambda/ingest", (1...2500).map { "DEBUG record \($0) stored" })
        }
    }

    @Test func jsonCompact() throws {
        try golden("jsonCompact") { f in
            try f.put("/aws/lambda/api", ["{\n  \"level\": \"warn\",\n  \"msg\": \"slow query\",\n  \"ms\": 812,\n  \"tags\": [\"db\", \"orders\"]\n}",
                                          "{\"level\":\"info\",\"msg\":\"ok\",\"status\":200}"])
            open(f)
        }
    }

    @Test func jsonExpanded() throws {
        try golden("jsonExpanded") { f in
            try f.put("/aws/lambda/api", ["{\n  \"level\": \"warn\",\n  \"msg\": \"slow query\",\n  \"ms\": 812,\n  \"tags\": [\"db\", \"orders\"]\n}",
                                          "{\"level\":\"info\",\"msg\":\"ok\",\"status\":200}"])
            open(f)
            f.harness.press("J")
        }
    }
}
