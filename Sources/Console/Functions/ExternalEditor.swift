import Foundation

/// Edits a file's contents in the person's editor (`$VISUAL`, then `$EDITOR`, then `vi`) and returns what was saved.
///
/// The console loop suspends the terminal around `edit`; tests pass an editor that changes the text itself.
public struct ExternalEditor: Sendable {
    public var edit: @Sendable (_ fileName: String, _ contents: Data) throws -> Data

    public init(edit: @escaping @Sendable (_ fileName: String, _ contents: Data) throws -> Data) {
        self.edit = edit
    }

    /// The editor the environment names, run through `/bin/sh` so `EDITOR="code -w"` works.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ExternalEditor {
        let chosen = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
            .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "vi"
        return command(chosen)
    }

    /// Runs `command FILE` in a shell, with the terminal as its input and output, and reads the file back.
    public static func command(_ command: String) -> ExternalEditor {
        ExternalEditor { fileName, contents in
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("overcast-edit-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent((fileName as NSString).lastPathComponent)
            try contents.write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command + " \"$1\"", "overcast-editor", file.path]
            // The console sends its own stderr to a log while the screen is up; the editor gets the terminal.
            if let tty = FileHandle(forUpdatingAtPath: "/dev/tty") {
                process.standardInput = tty
                process.standardOutput = tty
                process.standardError = tty
            }
            do {
                try process.run()
            } catch {
                throw ConsoleError(message: "Could not start the editor “\(command)”: \(error.localizedDescription). Set $EDITOR to an editor on your PATH.")
            }
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw ConsoleError(message: "The editor “\(command)” exited with status \(process.terminationStatus); nothing was saved.")
            }
            return try Data(contentsOf: file)
        }
    }

    /// For runs with no terminal (benchmarks): every edit fails with a message.
    public static let unavailable = ExternalEditor { _, _ in
        throw ConsoleError(message: "No editor is available here.")
    }

    /// Runs the edit an effect asks for and says what came of it; nil for other effects.
    func perform(_ effect: FunctionsEffect) -> ConsoleAction? {
        switch effect {
        case .editCode(let function, let path, let contents):
            do {
                return .functions(.codeEdited(function: function, path: path, contents: try edit(path, contents)))
            } catch {
                return .functions(.editorFailed(ConsoleError(error)))
            }
        case .editTestEvent(let function, let name, let payload):
            do {
                let edited = try edit(name + ".json", Data(payload.utf8))
                guard let text = String(data: edited, encoding: .utf8) else {
                    return .functions(.editorFailed(ConsoleError(message: "The edited event is not UTF-8 text; nothing was saved.")))
                }
                if text == payload { return .functions(.nothingChanged("No changes to \(name): the event is as it was.")) }
                return .functions(.testEventEdited(function: function, name: name, payload: text))
            } catch {
                return .functions(.editorFailed(ConsoleError(error)))
            }
        default:
            return nil
        }
    }

    static func isEdit(_ effect: ConsoleEffect) -> Bool {
        switch effect {
        case .functions(.editCode), .functions(.editTestEvent): return true
        default: return false
        }
    }
}
