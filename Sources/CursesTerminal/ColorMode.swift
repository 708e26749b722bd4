import TerminalUI

/// How many colours the backend uses, decided once at start.
///
/// `NO_COLOR` (any non-empty value, see no-color.org) wins over what the
/// terminal can do; then 256 colours when available, else the basic 8 (or 16).
public enum ColorMode: Hashable, Sendable {
    case none
    case palette(colors: Int)

    /// The mode for a terminal reporting `colors`, given the environment.
    public static func decide(environment: [String: String], hasColors: Bool, colors: Int) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard hasColors, colors >= 8 else { return .none }
        return .palette(colors: colors >= 256 ? 256 : (colors >= 16 ? 16 : 8))
    }

    /// The theme to draw with: the given one, or monochrome when there is no colour.
    public func effectiveTheme(_ theme: Theme) -> Theme {
        self == .none ? .monochrome : theme
    }
}
