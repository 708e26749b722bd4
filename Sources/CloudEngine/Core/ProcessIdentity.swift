import Foundation

/// Names a running process so that another process can later tell whether it is still running: the boot,
/// the pid and the pid's start time (a pid alone is reused; a start time alone does not survive a reboot).
public enum ProcessIdentity {
    /// This process, as `boot:pid:start`.
    public static let current: String = identity(of: getpid()) ?? "unknown:\(getpid()):0"

    /// Whether the process `identity` names is still running. An identity that cannot be read is taken as
    /// running, so nothing is marked interrupted on a guess.
    public static func isRunning(_ identity: String) -> Bool {
        let parts = identity.split(separator: ":").map(String.init)
        guard parts.count == 3, let pid = pid_t(parts[1]), parts[0] != "unknown" else { return true }
        guard parts[0] == bootID else { return false }
        return Self.identity(of: pid) == identity
    }

    private static let bootID: String = {
        #if os(Linux)
        let text = (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)) ?? ""
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "unknown" : trimmed
        #else
        return "unknown"
        #endif
    }()

    /// The fields of `/proc/<pid>/stat` after the command name: the state (field 3) first, so field N is at
    /// index N - 3. Nil when the process does not exist.
    static func statFields(of pid: pid_t) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    /// `boot:pid:start` for a live process, from `/proc/<pid>/stat` (field 22, the start time in clock ticks).
    /// A zombie (killed, not yet reaped by its parent) is not live: it runs nothing any more.
    static func identity(of pid: pid_t) -> String? {
        #if os(Linux)
        guard let fields = statFields(of: pid), fields.count > 19, fields[0] != "Z" else { return nil }
        return "\(bootID):\(pid):\(fields[19])"
        #else
        return kill(pid, 0) == 0 ? "\(bootID):\(pid):0" : nil
        #endif
    }
}
