import Foundation
import Testing
import TerminalUI

/// Compares a rendered screen with its text golden beside the calling test file.
///
/// The golden is `Snapshots/<Suite>/<name>.txt` next to the test file, where
/// `<Suite>` is the test file's name and `<name>` defaults to the test
/// function's name. With `roles`, a second layer of role letters follows
/// the text (see `StyleRole.letter`), so a lost highlight fails too.
///
/// When the golden is missing, or when the environment has
/// `RECORD_SNAPSHOTS=1`, the golden is written and the test *fails*: a
/// recording run must be followed by a normal run, so nobody records a
/// broken screen by accident.
public func assertScreen(
    _ buffer: ScreenBuffer,
    named name: String? = nil,
    roles: Bool = false,
    filePath: StaticString = #filePath,
    function: StaticString = #function,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let snapshot = SnapshotFile(testFile: "\(filePath)", name: name ?? SnapshotFile.testName("\(function)"))
    let actual = SnapshotFile.contents(of: buffer, roles: roles)
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    let expected = try? String(contentsOf: snapshot.url, encoding: .utf8)
    if recording || expected == nil {
        do {
            try snapshot.write(actual)
            let why = recording ? "RECORD_SNAPSHOTS=1 is set" : "no golden existed"
            Issue.record(Comment(rawValue: "Recorded \(snapshot.url.path) (\(why)). Check it, then run again without RECORD_SNAPSHOTS."),
                         sourceLocation: sourceLocation)
        } catch {
            Issue.record(Comment(rawValue: "Could not record \(snapshot.url.path): \(error)"), sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected, expected != actual else { return }
    let actualCopy = snapshot.writeActualCopy(actual)
    Issue.record(Comment(rawValue: SnapshotFile.difference(expected: expected, actual: actual)
                         + "\ngolden: \(snapshot.url.path)" + (actualCopy.map { "\nactual: \($0)" } ?? "")
                         + "\nIf the new screen is right, run with RECORD_SNAPSHOTS=1 to re-record."),
                 sourceLocation: sourceLocation)
}
