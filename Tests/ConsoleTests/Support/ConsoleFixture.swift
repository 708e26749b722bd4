import CloudEngine
import Console
import Foundation
import TerminalUI

/// A fresh account in a temporary folder with a fixed id, clock and ids, and a console harness on it.
final class ConsoleFixture {
    let folder: URL
    let clock = ManualClock()
    let account: Account
    let harness: ConsoleHarness

    /// `displayPath` replaces the real (random) account path in the header, so goldens are stable.
    init(size: Size = Size(width: 120, height: 40), start: Bool = true, editor: ExternalEditor = .unavailable) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("overcast-console-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        account = try Account.open(path: folder.appendingPathComponent("account.sqlite").path,
                                   options: AccountOptions(clock: clock, ids: SeededIDGenerator(), accountID: "123456789012"))
        harness = ConsoleHarness(account: account, size: size, now: clock.now().timeIntervalSince1970,
                                 workingDirectory: folder.path, editor: editor)
        harness.update {
            $0.accountPath = "/home/learner/.local/share/overcast/account.sqlite"
        }
        if start { harness.start() }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var storage: StorageService { account.storage }

    /// A bucket holding `objects` (key → body).
    func bucket(_ name: String, _ objects: [String: String] = [:]) throws {
        try storage.createBucket(name, caller: .root)
        for (key, body) in objects.sorted(by: { $0.key < $1.key }) {
            try storage.putObject(bucket: name, key: key, body: DataBodySource(Data(body.utf8)), caller: .root)
        }
    }

    /// Writes a local file under the fixture folder; returns its path.
    @discardableResult
    func localFile(_ relative: String, _ contents: String) throws -> String {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    /// The text of the screen now.
    var screen: String { harness.screen.text }

    var state: ConsoleState { harness.state }

    /// The newest toast's message, or "".
    var lastToast: String { harness.state.toasts.last?.message ?? "" }

    /// Opens a bucket from the list: moves to it and presses Enter.
    func open(bucket name: String) {
        harness.press("g")
        while harness.state.buckets.bucketTable.selectedID != name {
            let before = harness.state.buckets.bucketTable.selectedID
            harness.press("j")
            if harness.state.buckets.bucketTable.selectedID == before { break }
        }
        harness.press("enter")
    }

    /// Moves the object browser's cursor to the row `id`.
    func select(_ id: String) {
        harness.press("g")
        while harness.state.buckets.browser?.table.selectedID != id {
            let before = harness.state.buckets.browser?.table.selectedID
            harness.press("j")
            if harness.state.buckets.browser?.table.selectedID == before { break }
        }
    }

    /// Reloads everything shown (as after another process's write).
    func refresh() {
        harness.send(.accountChanged([.buckets, .objects], external: true))
    }
}
