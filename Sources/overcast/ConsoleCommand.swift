import ArgumentParser
import CloudAPI
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

    @Option(name: .long, help: ArgumentHelp("A theme name from themes/ (default, light, solarized-dark), or the path of a theme file.", valueName: "NAME"))
    var theme: String = "default"

    @Flag(name: .customLong("no-endpoint"), help: "Do not serve the AWS-compatible endpoint while the console is open.")
    var noEndpoint = false

    @Option(name: .customLong("endpoint-port"), help: "The endpoint's port (0 picks a free one).")
    var endpointPort: Int = EndpointServer.defaultPort

    func run() throws {
        // Checked first: a mistyped theme is said before the screen takes over, and nothing is opened.
        let chosenTheme = try Self.loadTheme(named: theme)
        // An upload interrupted earlier is cleaned up after the first frame, with a word on screen, not before it.
        var options = AccountOptions()
        options.discardsAbandonedUploadsAtOpen = false
        let opened = try account.open(options: options)
        // Deliver S3 event notifications to functions while the console is open (and any left from before).
        opened.events.start()
        opened.logs.startRetentionSweeps()
        // The endpoint, in this process: its URL shows in the header, and function workers call back through it.
        let endpoint = noEndpoint ? nil : Task { [endpointPort] in
            do {
                try await EndpointServer(account: opened, port: endpointPort).run()
            } catch is CancellationError {
            } catch {
                // Taken by another Overcast on this same account (overcast serve, another console): use that one.
                if endpointPort != 0, let existing = ExistingEndpoint.serving(opened, port: endpointPort) {
                    opened.endpoint.url = existing
                } else {
                    opened.endpoint.problem = endpointPort == 0 ? "\(error)"
                        : "port \(endpointPort) is taken by another program; try --endpoint-port 0"
                }
            }
        }
        defer { endpoint?.cancel() }
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
        let terminal = CursesTerminal(theme: chosenTheme)
        let app = ConsoleApp(account: opened, terminal: terminal, interrupt: interrupt)
        // Event delivery stops before the account closes; idle function workers are ended.
        defer {
            opened.events.stop()
            opened.logs.stopRetentionSweeps()
            opened.functionRuntime.shutdown()
            // Decisions still in memory are written before the account closes.
            try? opened.activity.flush()
        }
        do {
            try app.run()
        } catch let error as CursesTerminalError {
            if savedStderr >= 0 { dup2(savedStderr, STDERR_FILENO) }
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The named theme from `themes/` beside the executable or the working folder, or from a path to a theme file.
    /// A name found nowhere, or a file that is broken, is an error that says what there is; only the default theme
    /// falls back to monochrome when no `themes/` folder can be found at all (an installed binary without one).
    static func loadTheme(named name: String) throws -> Theme {
        if name.contains("/") || name.hasSuffix(".json") {
            do { return try Theme.load(from: URL(fileURLWithPath: name)) } catch {
                throw ValidationError("--theme \(name): \(error.description)")
            }
        }
        var folders: [URL] = []
        if let override = ProcessInfo.processInfo.environment["OVERCAST_THEMES"] { folders.append(URL(fileURLWithPath: override)) }
        folders.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("themes"))
        var executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            folders.append(executable.appendingPathComponent("themes"))
            executable = executable.deletingLastPathComponent()
        }
        for folder in folders where FileManager.default.fileExists(atPath: folder.appendingPathComponent(name + ".json").path) {
            do { return try Theme.load(named: name, in: folder) } catch {
                throw ValidationError("--theme \(name): \(error.description)")
            }
        }
        let available = Set(folders.flatMap { Theme.available(in: $0) }).sorted()
        if name == "default" && available.isEmpty { return .monochrome }
        let offer = available.isEmpty ? "no themes/ folder was found" : "available: " + available.joined(separator: ", ")
        throw ValidationError("--theme \(name): there is no such theme (\(offer)). Give a name, or the path of a theme file.")
    }
}
