import CloudEngine
import Console
import Foundation
import ScreenTesting
import Testing
import TerminalUI

@Suite("App shell")
struct ShellTests {
    @Test("q at the top level quits")
    func quit() throws {
        let f = try ConsoleFixture()
        f.harness.press("q")
        #expect(f.state.shouldQuit)
    }

    @Test("Ctrl-C quits from inside a dialog")
    func ctrlC() throws {
        let f = try ConsoleFixture()
        f.harness.press("n")
        f.harness.press("ctrl+c")
        #expect(f.state.shouldQuit)
    }

    @Test(":s3 Enter opens the buckets panel from another service")
    func commandS3() throws {
        let f = try ConsoleFixture()
        f.harness.press(":")
        f.harness.type("functions")
        f.harness.press("enter")
        #expect(f.state.service == .functions)
        f.harness.press(":")
        f.harness.type("s3")
        f.harness.press("enter")
        #expect(f.state.service == .buckets)
    }

    @Test("Tab on the command line completes to the first match")
    func commandCompletion() throws {
        let f = try ConsoleFixture()
        f.harness.press(":")
        f.harness.type("po")
        f.harness.press("tab")
        #expect(f.state.overlay == .commandLine(TextInputState(text: "policies")))
    }

    @Test(":q quits")
    func commandQuit() throws {
        let f = try ConsoleFixture()
        f.harness.press(":")
        f.harness.type("q")
        f.harness.press("enter")
        #expect(f.state.shouldQuit)
    }

    @Test("A toast too long for its box says where the rest is, and :messages shows every word of it")
    func messagesShowWholeToasts() throws {
        let f = try ConsoleFixture(size: Size(width: 80, height: 24))
        // An unknown command's toast lists every command: longer than a toast shows.
        f.harness.press(":")
        f.harness.type("ec2")
        f.harness.press("enter")
        #expect(f.screen.contains("… (:messages shows it all)"))
        #expect(!f.screen.contains(":messages or :q."))
        f.harness.press(":")
        f.harness.type("messages")
        f.harness.press("enter")
        #expect(f.screen.contains("Messages (newest first)"))
        #expect(f.screen.contains(":messages or :q."))
        f.harness.press("esc")
        #expect(f.state.overlay == nil)
    }

    @Test("An unknown command says so and lists the commands")
    func unknownCommand() throws {
        let f = try ConsoleFixture()
        f.harness.press(":")
        f.harness.type("ec2")
        f.harness.press("enter")
        #expect(f.lastToast == "Unknown command :ec2. Try :buckets (:s3), :functions (:lambda), :roles, :policies, :users, :simulator, :logs, :insights, :as NAME, :messages or :q.")
    }

    @Test(":logs opens the Log groups panel, which says how groups appear when there are none")
    func logsCommand() throws {
        let f = try ConsoleFixture()
        f.harness.press(":")
        f.harness.type("logs")
        f.harness.press("enter")
        #expect(f.state.service == .logGroups)
        #expect(f.screen.contains("No log groups yet. A function writes to /aws/lambda/NAME the first time it is"))
    }

    @Test("Tab moves to the sidebar, where j and Enter choose a service")
    func sidebar() throws {
        let f = try ConsoleFixture()
        f.harness.press("tab")
        #expect(f.state.focus == .sidebar)
        f.harness.press("j", "enter")
        #expect(f.state.service == .functions)
        #expect(f.state.focus == .main)
    }

    @Test("? opens the help for the current view and Esc closes it")
    func help() throws {
        let f = try ConsoleFixture()
        f.harness.press("?")
        #expect(f.screen.contains("Keys: buckets"))
        #expect(f.screen.contains("Create a bucket"))
        f.harness.press("esc")
        #expect(f.state.overlay == nil)
    }

    @Test("A terminal smaller than 80×24 shows a message and recovers when it grows")
    func tooSmall() throws {
        let f = try ConsoleFixture()
        f.harness.resize(to: Size(width: 60, height: 20))
        #expect(f.screen.contains("Terminal too small"))
        f.harness.press("n")
        #expect(f.state.buckets.modal == nil)
        f.harness.resize(to: Size(width: 80, height: 24))
        #expect(f.screen.contains("S3 › Buckets"))
    }

    @Test("Rendering never crashes at any size from 1×1 to 130×45")
    func anySize() throws {
        let f = try ConsoleFixture(start: false)
        try f.bucket("photos", ["a/b.txt": "x", "c.txt": "y"])
        f.harness.start()
        f.open(bucket: "photos")
        f.harness.press("u")
        for width in stride(from: 1, through: 130, by: 7) {
            for height in stride(from: 1, through: 45, by: 4) {
                f.harness.resize(to: Size(width: width, height: height))
                _ = f.harness.screen
            }
        }
    }

    @Test("The header names the account, region, who the console acts as, and the file")
    func header() throws {
        let f = try ConsoleFixture()
        #expect(f.harness.screen.line(0).hasPrefix(" Overcast  account 123456789012 · us-east-1 · as root · /home/learner/.local/share/overcast/account.sqlite"))
    }

    @Test("The real loop draws, handles keys and stops, giving the terminal back")
    func loopWithScriptedTerminal() throws {
        let f = try ConsoleFixture(start: false)
        let terminal = ScriptedTerminal(size: Size(width: 100, height: 30), script: [.key("n"), .key("esc"), .key("q")])
        let app = ConsoleApp(account: f.account, terminal: terminal, clock: { 1_767_225_600 })
        try app.run()
        #expect(app.state.shouldQuit)
        #expect(!terminal.isStarted)
        #expect(terminal.frames.last?.text.contains("S3 › Buckets") == true)
    }

    @Test("Ctrl-C as a signal (SIGINT) stops the loop and gives the terminal back")
    func interruptSignal() throws {
        let f = try ConsoleFixture(start: false)
        let terminal = ScriptedTerminal(size: Size(width: 100, height: 30))
        let interrupt = InterruptFlag()
        interrupt.raise()
        let app = ConsoleApp(account: f.account, terminal: terminal, interrupt: interrupt, clock: { 1_767_225_600 })
        try app.run()
        #expect(!terminal.isStarted)
    }
}

/// A console started on a path where there was no account says it made a new one, so a mistyped `--db`
/// does not go unnoticed.
@Suite("Shell: a new account")
struct ShellNewAccountTests {
    @Test("Starting on a new account says so once, naming the file; an existing one says nothing")
    func newAccountToast() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("overcast-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("typo.sqlite").path
        let fresh = try Account.open(path: path)
        let harness = ConsoleHarness(account: fresh, announceNewAccount: true)
        harness.start()
        #expect(harness.state.toasts.map(\.message)
            == ["New account made: \(path). Wrong file? Check --db."])
        let again = ConsoleHarness(account: try Account.open(path: path), announceNewAccount: true)
        again.start()
        #expect(again.state.toasts.isEmpty)
    }
}
