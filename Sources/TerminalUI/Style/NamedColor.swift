/// The sixteen standard terminal colours, by name.
///
/// Every terminal with colour has the first eight, so they are the
/// fallback for 256-colour themes.
public enum NamedColor: String, CaseIterable, Sendable, Hashable, Codable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    /// The colour number (0-15) terminals use for this name.
    public var index: Int {
        NamedColor.allCases.firstIndex(of: self) ?? 0
    }

    /// The colour among the basic eight closest to this one (brights lose their brightness).
    public var basic: NamedColor {
        NamedColor.allCases[index % 8]
    }

    /// The named colour for a 0-15 index, if it is one.
    public init?(index: Int) {
        guard index >= 0, index < 16 else { return nil }
        self = NamedColor.allCases[index]
    }
}
