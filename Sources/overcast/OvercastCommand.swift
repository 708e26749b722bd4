import ArgumentParser
import CloudEngine
import Foundation

/// The `overcast` command: opens the account and runs the console, or one of the subcommands.
struct OvercastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overcast",
        abstract: "A whole AWS-style cloud account in one SQLite file, and a terminal console to work in it.",
        discussion: """
            The account lives in one file: --db PATH, else $OVERCAST_DB, else \
            $XDG_DATA_HOME/overcast/account.sqlite (~/.local/share/overcast/account.sqlite). \
            It is created on first use.
            """,
        version: OvercastVersion.current,
        subcommands: [ConsoleCommand.self, ServeCommand.self, InfoCommand.self, CompactCommand.self, IAMCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )
}

/// Options every subcommand that opens the account shares.
struct AccountOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The account file (default: $OVERCAST_DB, else the XDG data folder).", valueName: "PATH"))
    var db: String?

    var path: String { AccountLocation.resolve(flag: db) }

    /// Opens the account; an AccountFileError reaches the user as `Error: <what to do>`, exit 1.
    func open(options: AccountOptions = AccountOptions()) throws -> Account {
        try Account.open(path: path, options: options)
    }

    /// Opens the account only to read it, so a command that only looks (`info`) never waits for another process's write lock.
    func openForReading() throws -> Account {
        try Account.openForReading(path: path)
    }
}
