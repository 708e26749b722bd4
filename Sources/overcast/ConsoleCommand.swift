import ArgumentParser
import CloudEngine
import Console
import CursesTerminal
import Foundation
import TerminalUI

/// `overcast console` (the default): the terminal console on the account.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the terminal console on the account.")

    @OptionGroup var account: AccountOption

    @Option(name: .long, help: ArgumentHelp("A theme name from themes/ (default, light, solarized-dark).", valueName: "NAME"))
    var theme: String = "default"

    func run() throws {
        let opened = try account.open()
        // Deliver S3 event notifications to functions while the console is open (and any left from before).
        opened.events.start()
        let interrupt = InterruptFlag()
        interrupt.install()
        // While the screen is up, stderr goes to a log beside the account, so a fatal message is not lost.
        let log = (opened.path as NSString).deletingLastPathComponent + "/console.log"
        let savedStderr = dup(STDERR_FILENO)
        if let handle = FileHandle(forWritingAtPath: log) ?? (FileManager.default.createFile(atPath: log, contents: nil)
            ? FileHandle(forWritingAtPath: log) : nil) {
            handle.seekToEndOfFile()
            dup2(handle.fileDescriptor, STDERR_FILENO)
        }
        defer {
            if savedStderr >= 0 { dup2(savedStderr, STDERR_FILENO) }
        }
        let terminal = CursesTerminal(theme: Self.loadTheme(named: theme))
        let app = ConsoleApp(account: opened, terminal: terminal, interrupt: interrupt)
        // Event delivery stops before the account closes; idle function workers are ended.
        defer {
            opened.events.stop()
            opened.functionRuntime.shutdown()
        }
        do {
            try app.run()
        } catch let error as CursesTerminalError {
            if savedStderr >= 0 { dup2(savedStderr, STDERR_FILENO) }
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The named theme from `themes/` beside the executable or the working folder; monochrome if none is found.
    static func loadTheme(named name: String) -> Theme {
        var folders: [URL] = []
        if let override = ProcessInfo.processInfo.environment["OVERCAST_THEMES"] { folders.append(URL(fileURLWithPath: override)) }
        folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("themes"))
        var executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            folders.append(executable.appendingPathComponent("themes"))
            executable = executable.deletingLastPathComponent()
        }
        for folder in folders {
            if let theme = try? Theme.load(named: name, in: folder) { return theme }
        }
        return .monochrome
    }
}
