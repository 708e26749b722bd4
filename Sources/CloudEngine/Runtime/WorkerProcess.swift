import CWorkerSandbox
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process with a socket on its fd 3 (the framed protocol) and one pipe on its fds 1 and 2
/// (anything written below Python's `sys.stdout`, e.g. by a subprocess). Its own process group,
/// so a kill reaches whatever the handler started. Blocking calls; one caller at a time.
/// Started by the C launcher (`CWorkerSandbox`), in a sandbox when asked.
final class WorkerProcess {
    let pid: pid_t
    private var socket: Int32
    private var output: Int32
    private var inbox: [UInt8] = []
    private var outputBuffer: [UInt8] = []
    private var outputClosed = false
    private var socketClosed = false
    private var drainsAfterClose = 0
    private(set) var exit: Exit?

    /// How the process ended.
    struct Exit: Equatable {
        /// Go's wording, as Lambda prints it: `exit status 3`, `signal: killed`.
        var reason: String
        var signal: Int32?
        var maxRSSKilobytes: Int
    }

    enum Event {
        case frame([String: Any])
        case outputLine(String)
        case closed
        case timedOut
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// How the process is isolated.
    let isolation: WorkerIsolationMode

    /// Starts `executable`; inside `sandbox` when one is given (see `WorkerSandbox`).
    init(executable: String, arguments: [String], environment: [String: String], sandbox: WorkerSandboxRequest? = nil) throws {
        var pair: [Int32] = [-1, -1]
        #if os(Linux)
        let socketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
        let socketType = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, socketType, 0, &pair) == 0 else {
            throw SpawnError(description: "socketpair: \(String(cString: strerror(errno)))")
        }
        // fds 1/2 are a socket too: socketpair sets close-on-exec atomically, so a worker spawned
        // by another thread at the same moment never inherits this one's ends.
        var pipeFDs: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, socketType, 0, &pipeFDs) == 0 else {
            close(pair[0]); close(pair[1])
            throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))")
        }
        // The child's ends are moved above 10 so that no dup2 target (0...4) equals its source.
        let childSocket = fcntl(pair[1], F_DUPFD_CLOEXEC, 10)
        let childOutput = fcntl(pipeFDs[1], F_DUPFD_CLOEXEC, 10)
        close(pair[1]); close(pipeFDs[1])
        defer { close(childSocket); close(childOutput) }

        let outcome = Self.launch(executable: executable, arguments: arguments, environment: environment, sandbox: sandbox,
                                  output: childOutput, socket: childSocket)
        guard case .success(let child, let mode) = outcome else {
            close(pair[0]); close(pipeFDs[0])
            if case .failure(let message) = outcome { throw SpawnError(description: message) }
            throw SpawnError(description: "\(executable) could not be started")
        }
        isolation = mode
        pid = child
        socket = pair[0]
        output = pipeFDs[0]
    }

    deinit {
        kill()
        closeDescriptors()
    }

    private enum Launch {
        case success(pid_t, WorkerIsolationMode)
        case failure(String)
    }

    /// Forks and executes through the C launcher, which sets up fds 0-3, the process group and the sandbox.
    /// A namespace that cannot be had is remembered, and the start is tried again with the scratch folder.
    private static func launch(executable: String, arguments: [String], environment: [String: String],
                               sandbox: WorkerSandboxRequest?, output: Int32, socket: Int32) -> Launch {
        func cStrings(_ environment: [String: String]) -> [UnsafeMutablePointer<CChar>?] {
            environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = cStrings(environment)
        // Used only when the worker gets no /tmp of its own: the scratch folder stands in for it.
        let fallbackEnvp = cStrings(environment.merging(["TMPDIR": sandbox?.scratchDirectory ?? "/tmp"]) { _, new in new })
        let readable = sandbox?.readable ?? []
        let paths = readable.map { strdup($0.0) }
        let scratch = strdup(sandbox?.scratchDirectory ?? "/nonexistent")
        let tmpfsOptions = strdup("size=\(sandbox?.ephemeralStorageBytes ?? 0),mode=1777")
        let cExecutable = strdup(executable)
        defer {
            (argv + envp + fallbackEnvp + paths).forEach { free($0) }
            free(scratch); free(tmpfsOptions); free(cExecutable)
        }
        var rules = zip(paths, readable).map { oc_rule(path: $0.0, access: $0.1.1) }
        // The namespace puts a fresh tmpfs on /tmp: an interpreter (or anything else the worker reads) that lives
        // under /tmp would vanish, so such a worker gets the scratch folder as TMPDIR instead.
        let needsRealTmp = ([executable] + readable.map(\.0)).contains { $0 == "/tmp" || $0.hasPrefix("/tmp/") }
        var useNamespace = WorkerSandbox.tryNamespace && !needsRealTmp
        while true {
            var result = oc_spawn_result()
            let status = rules.withUnsafeMutableBufferPointer { ruleBuffer in
                argv.withUnsafeBufferPointer { argvBuffer in
                    envp.withUnsafeBufferPointer { envpBuffer in
                        fallbackEnvp.withUnsafeBufferPointer { fallbackBuffer in
                            var request = oc_spawn_request(
                                executable: cExecutable, argv: argvBuffer.baseAddress, envp: envpBuffer.baseAddress,
                                fallback_envp: fallbackBuffer.baseAddress, output_fd: output, socket_fd: socket,
                                sandbox: sandbox == nil ? 0 : 1, use_namespace: useNamespace ? 1 : 0,
                                landlock_abi: Int32(WorkerSandbox.status.landlockABI),
                                rules: UnsafePointer(ruleBuffer.baseAddress), rule_count: Int32(ruleBuffer.count),
                                tmpfs_options: tmpfsOptions, scratch_directory: scratch,
                                file_size_limit: sandbox?.ephemeralStorageBytes ?? 0,
                                process_limit: WorkerSandbox.processLimit, uid: getuid(), gid: getgid())
                            return oc_spawn_worker(&request, &result)
                        }
                    }
                }
            }
            if status == 0 {
                let mode: WorkerIsolationMode
                switch Int32(result.mode) {
                case Int32(UInt8(ascii: "n")): mode = .namespace
                case Int32(UInt8(ascii: "s")): mode = .scratchFolder
                default: mode = .none
                }
                return .success(result.pid, mode)
            }
            let stage = result.failed_stage
            let namespaceStages: Set<Int32> = [Int32(OC_STAGE_NAMESPACE), Int32(OC_STAGE_ID_MAP), Int32(OC_STAGE_MOUNT)]
            if sandbox != nil, useNamespace, namespaceStages.contains(stage) {
                WorkerSandbox.namespaceFailed()
                useNamespace = false
                continue
            }
            let reason = result.error_number == 0 ? "the process ended" : String(cString: strerror(result.error_number))
            return .failure("\(executable): \(String(cString: oc_stage_name(stage))) failed: \(reason)")
        }
    }

    // MARK: - Protocol

    /// Sends one frame; false when the worker is gone.
    func send(_ object: [String: Any]) -> Bool {
        guard !socketClosed, let body = try? JSONSerialization.data(withJSONObject: object) else { return false }
        var frame = [UInt8](repeating: 0, count: 4)
        let length = UInt32(body.count)
        frame[0] = UInt8(length >> 24); frame[1] = UInt8((length >> 16) & 0xff)
        frame[2] = UInt8((length >> 8) & 0xff); frame[3] = UInt8(length & 0xff)
        frame.append(contentsOf: body)
        var offset = 0
        while offset < frame.count {
            let written = frame.withUnsafeBytes { raw in
                Glibc.send(socket, raw.baseAddress! + offset, frame.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// The next thing the worker says, waiting until `deadline` (monotonic nanoseconds).
    func next(deadline: UInt64) -> Event {
        while true {
            if let frame = takeFrame() { return .frame(frame) }
            if let line = takeOutputLine(final: outputClosed) { return .outputLine(line) }
            if socketClosed {
                // Drain what is left of fds 1/2 without waiting on grandchildren that may hold them open.
                // Bounded, in case something the handler started keeps writing.
                if !outputClosed, drainsAfterClose < 200, pollOnce(timeoutMs: 20, wantSocket: false) {
                    drainsAfterClose += 1
                    continue
                }
                return .closed
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { return .timedOut }
            let remainingMs = Int32(min((deadline - now) / 1_000_000 + 1, 1_000))
            _ = pollOnce(timeoutMs: remainingMs, wantSocket: true)
        }
    }

    /// What fds 1/2 already hold (written before the frame just read, so already in the socket), as lines.
    func drainOutput() -> [String] {
        while !outputClosed, pollOnce(timeoutMs: 0, wantSocket: false) {}
        var lines: [String] = []
        while let line = takeOutputLine(final: true) { lines.append(line) }
        return lines
    }

    /// Polls once and reads what is ready; true when something was read.
    private func pollOnce(timeoutMs: Int32, wantSocket: Bool) -> Bool {
        var fds: [pollfd] = []
        if wantSocket && !socketClosed { fds.append(pollfd(fd: socket, events: Int16(POLLIN), revents: 0)) }
        if !outputClosed { fds.append(pollfd(fd: output, events: Int16(POLLIN), revents: 0)) }
        guard !fds.isEmpty else { return false }
        let ready = poll(&fds, nfds_t(fds.count), timeoutMs)
        guard ready > 0 else { return false }
        var readSomething = false
        for entry in fds where entry.revents != 0 {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
            if count > 0 {
                readSomething = true
                if entry.fd == socket { inbox.append(contentsOf: chunk[0..<count]) }
                else { outputBuffer.append(contentsOf: chunk[0..<count]) }
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                if entry.fd == socket { socketClosed = true } else { outputClosed = true }
                readSomething = true
            }
        }
        return readSomething
    }

    private func takeFrame() -> [String: Any]? {
        guard inbox.count >= 4 else { return nil }
        let length = Int(inbox[0]) << 24 | Int(inbox[1]) << 16 | Int(inbox[2]) << 8 | Int(inbox[3])
        guard inbox.count >= 4 + length else { return nil }
        let body = Data(inbox[4..<(4 + length)])
        inbox.removeFirst(4 + length)
        return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    private func takeOutputLine(final: Bool) -> String? {
        if let newline = outputBuffer.firstIndex(of: 0x0a) {
            let line = String(decoding: outputBuffer[..<newline], as: UTF8.self)
            outputBuffer.removeFirst(newline + 1)
            return line
        }
        if final, !outputBuffer.isEmpty {
            let line = String(decoding: outputBuffer, as: UTF8.self)
            outputBuffer.removeAll()
            return line
        }
        return nil
    }

    // MARK: - Lifetime

    /// Kills the process group (SIGKILL) and reaps the process. Safe to call twice.
    func kill() {
        guard exit == nil else { return }
        _ = Glibc.kill(-pid, SIGKILL)
        _ = Glibc.kill(pid, SIGKILL)
        reap()
    }

    /// Waits for the process to end (it closed its socket, so it is exiting); kills it after `graceMs`.
    func waitForExit(graceMs: Int = 2_000) {
        guard exit == nil else { return }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(graceMs) * 1_000_000
        while DispatchTime.now().uptimeNanoseconds < deadline {
            if reap(block: false) {
                _ = Glibc.kill(-pid, SIGKILL) // whatever the handler left running in its group
                return
            }
            usleep(2_000)
        }
        kill()
    }

    @discardableResult
    private func reap(block: Bool = true) -> Bool {
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let result = wait4(pid, &status, block ? 0 : WNOHANG, &usage)
            if result == pid { break }
            if result == 0 { return false }
            if result < 0 && errno == EINTR { continue }
            exit = Exit(reason: "exit status unknown", signal: nil, maxRSSKilobytes: 0)
            return true
        }
        let low = status & 0x7f
        if low == 0 {
            exit = Exit(reason: "exit status \((status >> 8) & 0xff)", signal: nil, maxRSSKilobytes: Int(usage.ru_maxrss))
        } else {
            exit = Exit(reason: "signal: \(Self.signalName(low))", signal: low, maxRSSKilobytes: Int(usage.ru_maxrss))
        }
        return true
    }

    func closeDescriptors() {
        if socket >= 0 { close(socket); socket = -1 }
        if output >= 0 { close(output); output = -1 }
        socketClosed = true
        outputClosed = true
    }

    /// Go's names for signals, which Lambda's messages use (`signal: killed`).
    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGKILL: return "killed"
        case SIGSEGV: return "segmentation fault"
        case SIGABRT: return "aborted"
        case SIGTERM: return "terminated"
        case SIGBUS: return "bus error"
        case SIGFPE: return "floating point exception"
        case SIGILL: return "illegal instruction"
        case SIGINT: return "interrupt"
        case SIGHUP: return "hangup"
        case SIGPIPE: return "broken pipe"
        case SIGQUIT: return "quit"
        case SIGUSR1: return "user defined signal 1"
        case SIGUSR2: return "user defined signal 2"
        default: return "signal \(signal)"
        }
    }
}
