import CloudEngine
import Console
import Foundation
import ScreenTesting
import Testing
import TerminalUI

/// The Simulator panel's screens, at 120×40 and 80×24, as text goldens (with the role layer).
@Suite("Simulator screens")
struct SimulatorScreenGoldenTests {
    static let sizes = [Size(width: 120, height: 40), Size(width: 80, height: 24)]

    /// Builds the screen with `setup` at each size and compares it with `Snapshots/SimulatorScreenGoldenTests/<name>_<W>x<H>.txt`.
    func golden(_ name: String, sourceLocation: SourceLocation = #_sourceLocation,
                _ setup: (ConsoleFixture) throws -> Void) throws {
        for size in Self.sizes {
            let f = try ConsoleFixture(size: size)
            try f.simulatorAccount()
            try setup(f)
            assertScreen(f.harness.screen, named: "\(name)_\(size.width)x\(size.height)", roles: true,
                         sourceLocation: sourceLocation)
        }
    }

    @Test("the empty form says what to do")
    func emptyForm() throws {
        try golden("empty-form") { f in f.openSimulator() }
    }

    @Test("typing an action shows its completions")
    func completions() throws {
        try golden("completions") { f in
            f.openSimulator(principal: "user alice")
            f.harness.press("tab")
            f.harness.type("s3:Get")
        }
    }

    @Test("an allowed action, with the allowing statement highlighted in AmazonS3ReadOnlyAccess")
    func allowed() throws {
        try golden("allowed") { f in
            f.openSimulator(principal: "user alice")
            f.simulate("s3:GetObject, s3:PutObject", resource: "arn:aws:s3:::reports/q1.csv")
        }
    }

    @Test("an implicit deny lists the policies weighed")
    func implicitDeny() throws {
        try golden("implicit-deny") { f in
            f.openSimulator(principal: "user alice")
            f.simulate("s3:GetObject, s3:PutObject", resource: "arn:aws:s3:::reports/q1.csv")
            f.harness.press("j")
        }
    }

    @Test("an explicit deny, its statement highlighted in the user's inline policy")
    func explicitDeny() throws {
        try golden("explicit-deny") { f in
            f.openSimulator(principal: "user bob")
            f.simulate("s3:GetObject, s3:ListBucket", resource: "arn:aws:s3:::reports/q1.csv")
        }
    }

    @Test("a form problem is shown under the fields")
    func formProblem() throws {
        try golden("form-problem") { f in
            f.openSimulator(principal: "role reader")
            f.simulate("GetObject")
        }
    }
}
