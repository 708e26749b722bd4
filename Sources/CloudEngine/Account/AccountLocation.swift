import Foundation

/// Where the account file lives when the user does not say.
public enum AccountLocation {
    /// `$XDG_DATA_HOME/overcast/account.sqlite`, else `~/.local/share/overcast/account.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return (xdg as NSString).appendingPathComponent("overcast/account.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/overcast/account.sqlite")
    }

    /// The path chosen by `--db`, then `OVERCAST_DB`, then the default.
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["OVERCAST_DB"], !env.isEmpty { return env }
        return defaultPath(environment: environment)
    }
}
