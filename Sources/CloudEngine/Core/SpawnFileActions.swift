import Foundation

/// posix_spawn helpers the Swift Glibc module does not expose.
public enum SpawnFileActions {
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, looked up at run time (it is a GNU extension
    /// the module map leaves out).
    private static let closeFrom: CloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    /// Closes every descriptor from `lowest` up in the child, so it inherits only what the actions before
    /// set up (the account file, sockets and the terminal stay with us). A no-op where glibc lacks it.
    @discardableResult
    public static func closeAll(from lowest: Int32, in actions: inout posix_spawn_file_actions_t) -> Bool {
        guard let closeFrom else { return false }
        return closeFrom(&actions, lowest) == 0
    }
}
