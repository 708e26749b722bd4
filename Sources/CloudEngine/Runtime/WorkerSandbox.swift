import CWorkerSandbox
import Foundation

/// Whether workers run in a sandbox. `.sandboxed` uses what the kernel offers (see `WorkerSandbox.status`);
/// `.unsandboxed` exists for the side-by-side benchmark and for tests of the unprotected path.
public enum WorkerIsolation: Sendable, Equatable {
    case sandboxed
    case unsandboxed
}

/// How one worker ended up isolated.
public enum WorkerIsolationMode: Sendable, Equatable {
    /// Started plainly, as the user.
    case none
    /// Its own user and mount namespace with a tmpfs on `/tmp`, limits, no privileges, and Landlock when the kernel has it.
    case namespace
    /// No namespace could be had: limits, no privileges and Landlock, with a private folder as `TMPDIR` instead of `/tmp`.
    case scratchFolder
}

/// What the kernel offers for sandboxing workers, said once where the user looks at functions.
public struct WorkerSandboxStatus: Sendable, Equatable {
    /// The kernel's Landlock ABI; 0 when it has none.
    public var landlockABI: Int

    public init(landlockABI: Int) {
        self.landlockABI = landlockABI
    }

    public var isAvailable: Bool { landlockABI > 0 }

    /// What the user should know when workers cannot be sandboxed; nil when they are.
    public var warning: String? {
        guard !isAvailable else { return nil }
        #if os(Linux)
        return "Functions run without a sandbox: this kernel has no Landlock (Linux 5.13+ with Landlock enabled)."
            + " A handler can read what your user can read."
        #else
        return "Functions run without a sandbox on this system: a handler can read what your user can read."
        #endif
    }
}

/// Builds what the C launcher needs to start a worker in its sandbox: the paths it may read and execute
/// (the Python installation, the system libraries, its code and layers, the bootstrap) and its limits.
/// Everything else (the account file, other functions' code, the user's home, other processes' `/proc`
/// entries) is out of reach; `/tmp` is its own.
public enum WorkerSandbox {
    /// What this kernel offers, probed once.
    public static let status = WorkerSandboxStatus(landlockABI: Int(oc_landlock_abi()))

    /// Lambda's limit on processes and threads in one execution environment.
    public static let processLimit: UInt64 = 1_024

    /// System folders and files a Python process needs, read-only (missing ones are skipped).
    static let systemPaths: [(String, UInt64)] = {
        let readExecute = UInt64(OC_FS_EXECUTE | OC_FS_READ_FILE | OC_FS_READ_DIR)
        let read = UInt64(OC_FS_READ_FILE | OC_FS_READ_DIR)
        let device = UInt64(OC_FS_READ_FILE | OC_FS_WRITE_FILE | OC_FS_TRUNCATE | OC_FS_IOCTL_DEV)
        var paths: [(String, UInt64)] = ["/usr", "/lib", "/lib32", "/lib64", "/libx32", "/bin", "/sbin"].map { ($0, readExecute) }
        // Only what the C library and Python read from /etc: names, time zone, TLS roots, MIME types.
        paths += ["/etc/ld.so.cache", "/etc/ld.so.preload", "/etc/localtime", "/etc/hosts", "/etc/resolv.conf",
                  "/etc/nsswitch.conf", "/etc/host.conf", "/etc/gai.conf", "/etc/services", "/etc/protocols",
                  "/etc/passwd", "/etc/group", "/etc/ssl", "/etc/ca-certificates", "/etc/pki", "/etc/mime.types",
                  "/etc/os-release", "/etc/alternatives"].map { ($0, read) }
        // /proc: a process outside the worker's Landlock domain cannot be ptrace-read, which is what
        // /proc/<pid>/environ, fd/ and mem need, so other processes' secrets stay out of reach.
        paths += [("/proc", read), ("/sys/devices/system/cpu", read)]
        paths += [("/dev/null", device), ("/dev/zero", device), ("/dev/full", device),
                  ("/dev/random", read), ("/dev/urandom", read)]
        return paths
    }()

    /// The read-only paths of one worker: the system's, the Python installation's, the bootstrap's,
    /// and the function's code and layers.
    static func readablePaths(spec: WorkerFunctionSpec, runtime: PythonRuntime) -> [(String, UInt64)] {
        let readExecute = UInt64(OC_FS_EXECUTE | OC_FS_READ_FILE | OC_FS_READ_DIR)
        let own = [runtime.runtimeDirectory, spec.codeDirectory] + spec.layerDirectories
        return systemPaths + (runtime.installationPaths + own).map { ($0, readExecute) }
    }

    // MARK: - Namespaces

    private static let namespaces = NamespaceAvailability()

    /// Whether to try a user and mount namespace: true until one could not be had (a kernel or a
    /// policy that forbids unprivileged user namespaces), then the scratch-folder mode for the rest of the process.
    static var tryNamespace: Bool { namespaces.usable }

    static func namespaceFailed() { namespaces.markUnusable() }

    private final class NamespaceAvailability: @unchecked Sendable {
        private let lock = NSLock()
        private var isUsable = true
        var usable: Bool { lock.withLock { isUsable } }
        func markUnusable() { lock.withLock { isUsable = false } }
    }
}

/// One worker's sandbox, as `WorkerProcess` hands it to the launcher.
struct WorkerSandboxRequest {
    /// Paths with the Landlock rights allowed beneath them.
    var readable: [(String, UInt64)]
    /// Used as `TMPDIR` (read-write) when no namespace can be had; removed when the worker ends.
    var scratchDirectory: String
    /// The size of the worker's `/tmp`, and the largest file it may write.
    var ephemeralStorageBytes: UInt64
}
