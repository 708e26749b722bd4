import ArgumentParser
import CloudEngine
import Foundation
import TerminalUI

/// `overcast compact`: gives the account file's free space back to the disk.
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Give the space of deleted objects back to the disk.",
        discussion: """
            Accounts made by this version give space back by themselves, a slice at a time, after deletions in the \
            console. An older account is rewritten once (other processes' writes wait while it is, seconds for a \
            large file) and gives space back by itself from then on.
            """)

    @OptionGroup var account: AccountOption

    func run() throws {
        guard FileManager.default.fileExists(atPath: account.path) else {
            throw ValidationError("There is no account at \(account.path), so nothing to compact. Check --db or $OVERCAST_DB.")
        }
        let opened = try account.open()
        let before = try opened.spaceReport()
        if before.isIncremental {
            try opened.reclaimFreePages()
        } else {
            print("Rewriting \(opened.path) once, so that from now on it gives space back by itself…")
            try opened.compact()
        }
        let after = try opened.spaceReport()
        let saved = before.fileBytes + before.walBytes - after.fileBytes - after.walBytes
        print("\(opened.path): \(Self.size(before.fileBytes + before.walBytes)) → \(Self.size(after.fileBytes + after.walBytes))"
              + (saved > 0 ? " (\(Self.size(saved)) given back)." : " (nothing to give back)."))
    }

    static func size(_ bytes: Int64) -> String { Formatting.bytes(bytes) }
}
