/// How one role looks: colours and attributes.
///
/// Attributes survive `NO_COLOR`, so a monochrome theme can still show a
/// selection (reverse) or a title (bold).
public struct TextStyle: Hashable, Sendable, Codable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
                bold: Bool = false, dim: Bool = false, italic: Bool = false,
                underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = TextStyle()

    enum CodingKeys: String, CodingKey {
        case foreground = "fg", background = "bg", bold, dim, italic, underline, reverse
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        foreground = try c.decodeIfPresent(ThemeColor.self, forKey: .foreground) ?? .terminalDefault
        background = try c.decodeIfPresent(ThemeColor.self, forKey: .background) ?? .terminalDefault
        bold = try c.decodeIfPresent(Bool.self, forKey: .bold) ?? false
        dim = try c.decodeIfPresent(Bool.self, forKey: .dim) ?? false
        italic = try c.decodeIfPresent(Bool.self, forKey: .italic) ?? false
        underline = try c.decodeIfPresent(Bool.self, forKey: .underline) ?? false
        reverse = try c.decodeIfPresent(Bool.self, forKey: .reverse) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if foreground != .terminalDefault { try c.encode(foreground, forKey: .foreground) }
        if background != .terminalDefault { try c.encode(background, forKey: .background) }
        if bold { try c.encode(bold, forKey: .bold) }
        if dim { try c.encode(dim, forKey: .dim) }
        if italic { try c.encode(italic, forKey: .italic) }
        if underline { try c.encode(underline, forKey: .underline) }
        if reverse { try c.encode(reverse, forKey: .reverse) }
    }
}
