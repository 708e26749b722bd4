@testable import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

/// The live log pane: what it follows, how it reads only what is new, and what it shows.
@Suite("Live log pane")
struct LogPaneTests {
    static let now: Int64 = 1_767_225_600_000

    func put(_ f: ConsoleFixture, _ group: String, _ messages: [String], stream: String = "2026/01/01/[$LATEST]abc") throws {
        if (try? f.account.logs.describeLogStreams(group: group, caller: .root)) == nil {
            try f.account.logs.createLogGroup(group, caller: .root)
        }
        if (try? f.account.logs.getLogEvents(group: group, stream: stream, caller: .root)) == nil {
            try f.account.logs.createLogStream(group: group, stream: stream, caller: .root)
        }
        try f.account.logs.putLogEvents(group: group, stream: stream, events: messages.enumerated().map {
            InputLogEvent(timestamp: Self.now + Int64($0.offset), message: $0.element)
        }, caller: .root)
        f.harness.send(.accountChanged([.logs], external: false))
    }

    @Test("L shows every function's newest lines, then new ones as they are written; other groups stay out")
    func followsAllFunctions() throws {
        let f = try ConsoleFixture()
        try put(f, "/aws/lambda/first", ["START RequestId: 1 Version: $LATEST", "hello from first"])
        try put(f, "/var/other", ["not a function"])
        #expect(f.state.logTail.prefix == nil)
        f.harness.press("L")
        #expect(f.state.logTail.prefix == "/aws/lambda/")
        #expect(f.state.logTail.lines.map(\.message) == ["START RequestId: 1 Version: $LATEST", "hello from first"])
        #expect(f.screen.contains("Live logs · all functions"))
        // The source is the function and the stream's short id.
        #expect(f.screen.contains("first·abc") && f.screen.contains("hello from first"))
        try put(f, "/aws/lambda/second", ["line\nwith a second line"])
        #expect(f.state.logTail.lines.map(\.message).suffix(2) == ["line", "with a second line"])
        #expect(f.state.logTail.lines.last?.source == "second")
        #expect(!f.screen.contains("not a function"))
    }

    @Test("A line too long for the pane ends in …; w (in the pane) wraps it onto more rows, whole")
    func longLinesWrap() throws {
        let f = try ConsoleFixture(size: Size(width: 80, height: 24))
        let long = "payload " + (0..<30).map { "field\($0)=value" }.joined(separator: " ") + " END"
        try put(f, "/aws/lambda/fn", [long])
        f.harness.press("L")
        #expect(f.screen.contains("payload field0=value"))
        #expect(f.screen.contains("…"))
        #expect(!f.screen.contains("END"))
        f.harness.press("tab")
        #expect(f.state.focus == .logs)
        f.harness.press("w")
        #expect(f.state.logTail.wraps)
        #expect(f.screen.contains("wrapping (w)"))
        #expect(f.screen.contains("field29=value END"))
    }

    @Test("Hidden, the pane reads nothing; shown again, it catches up from where it was")
    func catchesUp() throws {
        let f = try ConsoleFixture()
        f.harness.press("L")
        #expect(f.screen.contains("Waiting for log events from any function"))
        f.harness.press("L")
        let ran = f.harness.ranEffects.count
        try put(f, "/aws/lambda/fn", ["while hidden"])
        #expect(f.harness.ranEffects.count == ran, "a hidden pane asks for nothing")
        f.harness.press("L")
        #expect(f.state.logTail.lines.map(\.message) == ["while hidden"])
    }

    @Test("With a function open, the pane follows only its group; c clears it")
    func followsOpenFunction() throws {
        let f = try ConsoleFixture()
        try f.account.iam.createRole("runner", trustPolicy: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#, caller: .root)
        _ = try f.account.functions.createFunction(
            "fn", runtime: "python3.12", handler: "lambda_function.lambda_handler",
            role: "arn:aws:iam::123456789012:role/runner",
            code: .files(["lambda_function.py": Data("def lambda_handler(e, c):\n    return 1\n".utf8)]), caller: .root)
        try put(f, "/aws/lambda/fn", ["mine"])
        try put(f, "/aws/lambda/fnother", ["not mine"])
        f.harness.send(.serviceChosen(.functions))
        f.harness.press("enter", "L")
        #expect(f.state.functions.detail?.name == "fn")
        #expect(f.state.logTail.prefix == "/aws/lambda/fn")
        // Only this function's group: "/aws/lambda/fnother" shares the prefix but is another function.
        #expect(f.state.logTail.lines.map(\.message) == ["mine"])
        #expect(f.screen.contains("Live logs · /aws/lambda/fn"))
        f.harness.press("tab")
        #expect(f.state.focus == .logs)
        f.harness.press("c")
        #expect(f.state.logTail.lines.isEmpty)
        try put(f, "/aws/lambda/fn", ["after clearing"])
        #expect(f.state.logTail.lines.map(\.message) == ["after clearing"])
        f.harness.press("esc", "esc")
        #expect(f.state.functions.detail == nil)
        #expect(f.state.logTail.prefix == "/aws/lambda/")
    }

    @Test("The pane keeps the newest 500 lines")
    func capacity() {
        var tail = LogTailState()
        tail.append((1...620).map { LiveLogEvent(group: "/aws/lambda/f", event: OutputLogEvent(
            id: Int64($0), streamName: "s", timestamp: Self.now, ingestionTime: Self.now, message: "m\($0)")) })
        #expect(tail.lines.count == LogTailState.capacity)
        #expect(tail.lines.first?.message == "m121")
        #expect(tail.lastID == 620)
    }
}

/// The editor handed the terminal: a real command through /bin/sh, its failures, and a missing one.
@Suite("External editor")
struct ExternalEditorTests {
    @Test("The command edits a copy named like the file and the edit comes back")
    func edits() throws {
        let editor = ExternalEditor.command("sed -i s/before/after/")
        let result = try editor.edit("pkg/lambda_function.py", Data("x = 'before'\n".utf8))
        #expect(String(decoding: result, as: UTF8.self) == "x = 'after'\n")
    }

    @Test("A failing editor says its status and nothing is returned")
    func failure() {
        #expect { try ExternalEditor.command("false").edit("a.py", Data()) } throws: { error in
            (error as? ConsoleError)?.message == "The editor “false” exited with status 1; nothing was saved."
        }
        #expect { try ExternalEditor.command("no-such-editor-xyz").edit("a.py", Data()) } throws: { error in
            (error as? ConsoleError)?.message.contains("status 127") == true
        }
    }

    @Test("VISUAL wins over EDITOR; vi when neither is set")
    func choice() throws {
        let visual = ExternalEditor.fromEnvironment(["VISUAL": "sed -i s/a/v/", "EDITOR": "sed -i s/a/e/"])
        #expect(String(decoding: try visual.edit("f", Data("a".utf8)), as: UTF8.self) == "v")
        let editor = ExternalEditor.fromEnvironment(["VISUAL": " ", "EDITOR": "sed -i s/a/e/"])
        #expect(String(decoding: try editor.edit("f", Data("a".utf8)), as: UTF8.self) == "e")
    }
}
