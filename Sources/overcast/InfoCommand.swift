import ArgumentParser
import CloudEngine
import Foundation

/// `overcast info`: what account this is and what it holds.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the account: its id, region, file, and what it holds.")

    @OptionGroup var account: AccountOption

    func run() throws {
        let opened = try account.openForReading()
        if opened.isNew {
            FileHandle.standardError.write(Data(
                "Created a new, empty account in \(opened.path): there was none. If you meant another, check --db.\n".utf8))
        }
        let buckets = try opened.storage.listBuckets(caller: .root)
        let groups = try opened.logs.describeLogGroups(caller: .root)
        let objects = buckets.reduce(0) { $0 + $1.objectCount }
        print("Account     \(opened.accountID)")
        print("Region      \(opened.region)")
        print("File        \(opened.path)")
        print("Buckets     \(buckets.count) (\(objects) object\(objects == 1 ? "" : "s"))")
        print("Log groups  \(groups.items.count)\(groups.nextToken == nil ? "" : "+")")
    }
}
