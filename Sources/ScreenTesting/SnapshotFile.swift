import Foundation
import TerminalUI

/// Where a golden lives and how a screen is written into it.
struct SnapshotFile {
    /// The line between the text layer and the role layer.
    static let roleSeparator = "──── roles ────"

    let url: URL
    let suite: String
    let name: String

    init(testFile: String, name: String) {
        let file = URL(fileURLWithPath: testFile)
        suite = file.deletingPathExtension().lastPathComponent
        self.name = name
        url = file.deletingLastPathComponent()
            .appendingPathComponent("Snapshots")
            .appendingPathComponent(suite)
            .appendingPathComponent(name + ".txt")
    }

    /// `tableAt120x40()` → `tableAt120x40`: the golden name for a test function.
    static func testName(_ function: String) -> String {
        let base = function.split(separator: "(").first.map(String.init) ?? function
        let cleaned = base.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        return cleaned.isEmpty ? "screen" : String(cleaned)
    }

    /// The golden text for `buffer`.
    static func contents(of buffer: ScreenBuffer, roles: Bool) -> String {
        var text = buffer.text + "\n"
        if roles { text += roleSeparator + "\n" + buffer.roleText + "\n" }
        return text
    }

    func write(_ contents: String) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Writes the actual screen to a temporary file for diffing; returns its path.
    func writeActualCopy(_ contents: String) -> String? {
        let copy = FileManager.default.temporaryDirectory
            .appendingPathComponent("snapshots-actual")
            .appendingPathComponent(suite)
            .appendingPathComponent(name + ".txt")
        do {
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: copy, atomically: true, encoding: .utf8)
            return copy.path
        } catch {
            return nil
        }
    }

    /// A short description of where two goldens differ: the first differing lines.
    static func difference(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n")
        let a = actual.components(separatedBy: "\n")
        var report = ["Screen differs from golden (\(e.count) lines expected, \(a.count) actual):"]
        var shown = 0
        for index in 0..<max(e.count, a.count) where shown < 5 {
            let left = index < e.count ? e[index] : "<missing>"
            let right = index < a.count ? a[index] : "<missing>"
            guard left != right else { continue }
            report.append("line \(index + 1):")
            report.append("  expected |\(left)|")
            report.append("    actual |\(right)|")
            shown += 1
        }
        return report.joined(separator: "\n")
    }
}
