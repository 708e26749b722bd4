import Foundation
@testable import CloudEngine

/// A temporary folder for one test's account files, removed (permissions restored first) when the test ends.
final class ScratchFolder {
    let url = TestAccount.makeFolder()

    deinit {
        chmod(url.path, 0o755)
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String = "account.sqlite") -> String { url.appendingPathComponent(name).path }
}
