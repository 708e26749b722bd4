import Foundation
import Testing

/// `--theme` names a theme that exists, or the console does not start: it says what there is, before the
/// screen takes over and before any account is opened.
@Suite("overcast --theme")
struct ThemeOptionTests {
    @Test("An unknown theme is an error listing the themes there are, and no account is made")
    func unknownTheme() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("account.sqlite").path
        let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
        let run = try OvercastProcess.run(["--db", db, "--theme", "nope"], environment: ["OVERCAST_THEMES": themes])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--theme nope: there is no such theme (available: default, light, solarized-dark"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test("A broken theme file is an error naming the file, not a silent monochrome")
    func brokenThemeFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.json")
        try Data("{ not json".utf8).write(to: file)
        let run = try OvercastProcess.run(["--db", folder.appendingPathComponent("a.sqlite").path, "--theme", file.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--theme \(file.path): "))
        #expect(run.stderr.contains(file.path))
    }
}
