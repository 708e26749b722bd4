import CloudEngine
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
            let status = try runInForeground(["/bin/sh", "-c", command + " \"$1\"", "overcast-editor", file.path])
            guard status == 0 else {
                throw ConsoleError(message: "The editor “\(command)” exited with status \(status); nothing was saved.")
            }
            return try Data(contentsOf: file)
        }
    }

    /// Runs `arguments` in this process's session and process group, so an editor reading the terminal is in the
    /// foreground (Foundation's `Process` starts a new session, and vim then exits with "Error reading input").
    /// SIGINT and SIGTERM, which the console ignores, are reset for the child; stderr goes to the terminal, not the
    /// console's log.
    static func runInForeground(_ arguments: [String]) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Only when this process has a terminal: without one (tests, CI) the editor keeps our stderr.
        let tty = open("/dev/tty", O_WRONLY | O_CLOEXEC)
        defer { if tty >= 0 { close(tty) } }
        if tty >= 0 { posix_spawn_file_actions_adddup2(&actions, tty, 2) }
        SpawnFileActions.closeAll(from: 3, in: &actions)
        var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, &cArguments, environ)
        guard spawned == 0 else {
            throw ConsoleError(message: "Could not start the editor: \(String(cString: strerror(spawned))). Set $EDITOR to an editor on your PATH.")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw ConsoleError(message: "Lost track of the editor: \(String(cString: strerror(errno))).") }
        }
        // Exited normally: the exit code; killed by a signal: 128 + the signal, as shells report it.
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// For runs with no terminal (benchmarks): every edit fails with a message.
    public static let unavailable = ExternalEditor { _, _ in
        throw ConsoleError(message: "No editor is available here.")
    }

    /// Runs the edit an effect asks for and says what came of it; nil for effects that are not edits.
    func perform(_ effect: ConsoleEffect) -> ConsoleAction? {
        switch effect {
        case .functions(.editCode(let function, let path, let contents)):
            do {
                return .functions(.codeEdited(function: function, path: path, contents: try edit(path, contents)))
            } catch {
                return .functions(.editorFailed(ConsoleError(error)))
            }
        case .functions(.editTestEvent(let function, let name, let payload)):
            switch editText(name + ".json", payload) {
            case .success(let text):
                if text == payload { return .functions(.nothingChanged("No changes to \(name): the event is as it was.")) }
                return .functions(.testEventEdited(function: function, name: name, payload: text))
            case .failure(let error):
                return .functions(.editorFailed(error))
            }
        case .roles(.editDocument(let request)):
            switch editText(request.fileName, request.text) {
            case .success(let text): return .roles(.documentEdited(request, text: text))
            case .failure(let error): return .roles(.actionFailed(error))
            }
        case .policies(let edit):
            return perform(edit)
        case .simulator(let edit):
            return performSimulatorEdit(edit)
        case .users(.editDocument(let request)):
            switch editText(request.fileName, request.text) {
            case .success(let text): return .users(.documentEdited(request, text: text))
            case .failure(let error): return .users(.actionFailed(error))
            }
        default:
            return nil
        }
    }

    /// Edits text; the result is the saved text, or why there is none.
    private func editText(_ fileName: String, _ text: String) -> Result<String, ConsoleError> {
        do {
            let edited = try edit(fileName, Data(text.utf8))
            guard let saved = String(data: edited, encoding: .utf8) else {
                return .failure(ConsoleError(message: "The edited file is not UTF-8 text; nothing was saved."))
            }
            return .success(saved)
        } catch {
            return .failure(ConsoleError(error))
        }
    }

    static func isEdit(_ effect: ConsoleEffect) -> Bool {
        switch effect {
        case .functions(.editCode), .functions(.editTestEvent), .roles(.editDocument), .policies(.editDocument),
             .users(.editDocument), .simulator(.editPolicy): return true
        default: return false
        }
    }
}
