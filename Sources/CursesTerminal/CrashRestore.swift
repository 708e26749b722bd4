import CNCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts the terminal back when the process crashes with the screen up.
///
/// A trap or bad access would otherwise leave the shell in the alternate
/// screen with no cursor, and the backtrace unreadable. The handler calls
/// `endwin`, reinstates the handler that was there before (the Swift
/// runtime's backtracer) and returns; the faulting instruction runs again
/// and the original handler reports the crash on a restored terminal.
enum CrashRestore {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE]

    /// Installs the handlers, saving the previous ones.
    static func install() {
        for signal in signals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
            #else
            action.__sigaction_u.__sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, saved.advanced(by: Int(signal)))
        }
    }

    /// Reinstates the handlers that were there before `install`.
    static func uninstall() {
        for signal in signals {
            sigaction(signal, saved.advanced(by: Int(signal)), nil)
        }
    }
}

/// The previous actions, by signal number; raw memory because the handler may not allocate.
nonisolated(unsafe) private let saved: UnsafeMutablePointer<sigaction> = {
    let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 64)
    pointer.initialize(repeating: sigaction(), count: 64)
    return pointer
}()

/// Turns bracketed paste off; a static string so the handler does not allocate.
private let pasteOff: StaticString = "\u{1B}[?2004l"

private let handler: @convention(c) (Int32) -> Void = { signal in
    endwin()
    _ = write(STDOUT_FILENO, pasteOff.utf8Start, pasteOff.utf8CodeUnitCount)
    sigaction(signal, saved.advanced(by: Int(signal)), nil)
}
