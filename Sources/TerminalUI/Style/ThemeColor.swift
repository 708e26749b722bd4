/// A colour in a theme: the terminal's default, a named colour, or a 256-colour index.
///
/// An indexed colour carries (or computes) the basic colour to use on
/// 8-colour terminals, so every theme degrades instead of breaking.
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case named(NamedColor)
    case indexed(Int, fallback: NamedColor?)

    /// The colour number to hand the terminal given how many colours it has; -1 means default.
    public func number(forColorCount colors: Int) -> Int {
        switch self {
        case .terminalDefault:
            return -1
        case .named(let color):
            return colors >= 16 ? color.index : color.basic.index
        case .indexed(let index, let fallback):
            if colors >= 256 { return index }
            if colors >= 16, index < 16 { return index }
            return (fallback ?? XtermPalette.nearestBasic(to: index)).basic.index
        }
    }
}

extension ThemeColor: Codable {
    /// Accepts `"default"`, a colour name, a 0-255 number, `"#rrggbb"`, or
    /// `{"index": 75, "fallback": "blue"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            guard (0...255).contains(number) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "colour index \(number) is outside 0-255")
            }
            self = .indexed(number, fallback: nil)
            return
        }
        if let text = try? container.decode(String.self) {
            if text == "default" {
                self = .terminalDefault
            } else if let named = NamedColor(rawValue: text) {
                self = .named(named)
            } else if let index = XtermPalette.index(forHex: text) {
                self = .indexed(index, fallback: nil)
            } else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "unknown colour \"\(text)\": use default, a name such as blue or brightCyan, 0-255, or #rrggbb")
            }
            return
        }
        let detailed = try container.decode(IndexedColor.self)
        guard (0...255).contains(detailed.index) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "colour index \(detailed.index) is outside 0-255")
        }
        self = .indexed(detailed.index, fallback: detailed.fallback)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .terminalDefault: try container.encode("default")
        case .named(let color): try container.encode(color.rawValue)
        case .indexed(let index, nil): try container.encode(index)
        case .indexed(let index, let fallback): try container.encode(IndexedColor(index: index, fallback: fallback))
        }
    }

    private struct IndexedColor: Codable {
        var index: Int
        var fallback: NamedColor?
    }
}
