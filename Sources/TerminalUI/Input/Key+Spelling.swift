extension Key: CustomStringConvertible, ExpressibleByStringLiteral {
    /// Parses a binding-table spelling such as `"ctrl+a"`, `"shift+tab"`, `"pgdn"`, `"f5"`, `"/"`.
    ///
    /// Returns nil for anything it does not recognise, so a remapping file
    /// with a typo can be reported instead of silently ignored.
    public init?(spelling: String) {
        if spelling.count == 1, let only = spelling.first {
            self.init(.character(only))
            return
        }
        var rest = Substring(spelling)
        var modifiers: KeyModifiers = []
        while let plus = rest.firstIndex(of: "+"), plus != rest.startIndex, rest.index(after: plus) != rest.endIndex {
            switch rest[..<plus].lowercased() {
            case "ctrl", "control", "c": modifiers.insert(.ctrl)
            case "alt", "meta", "m", "option": modifiers.insert(.alt)
            case "shift", "s": modifiers.insert(.shift)
            default: return nil
            }
            rest = rest[rest.index(after: plus)...]
        }
        guard let code = Self.code(named: String(rest)) else { return nil }
        if case .character(let c) = code, modifiers.contains(.shift), !modifiers.contains(.ctrl) {
            // Shift with a character is the shifted character itself.
            modifiers.remove(.shift)
            self.init(.character(Character(c.uppercased())), modifiers: modifiers)
            return
        }
        self.init(code, modifiers: modifiers)
    }

    /// Creates a key from a spelling literal; an unknown spelling is a programming error.
    public init(stringLiteral value: String) {
        guard let key = Key(spelling: value) else {
            preconditionFailure("unknown key spelling \"\(value)\" in a binding table")
        }
        self = key
    }

    /// The canonical spelling, which `Key(spelling:)` reads back.
    public var description: String { spelling }

    /// The canonical spelling, which `Key(spelling:)` reads back.
    public var spelling: String {
        var parts: [String] = []
        if modifiers.contains(.ctrl) { parts.append("ctrl") }
        if modifiers.contains(.alt) { parts.append("alt") }
        if modifiers.contains(.shift) { parts.append("shift") }
        parts.append(Self.name(of: code))
        return parts.joined(separator: "+")
    }

    /// A short label for footers and help (`^D`, `⇧Tab`, `PgDn`, `Enter`).
    public var label: String {
        var prefix = ""
        if modifiers.contains(.ctrl) { prefix += "^" }
        if modifiers.contains(.alt) { prefix += "M-" }
        if modifiers.contains(.shift) { prefix += "⇧" }
        let body: String
        switch code {
        case .character(" "): body = "Space"
        case .character(let c): body = modifiers.contains(.ctrl) ? c.uppercased() : String(c)
        case .enter: body = "Enter"
        case .tab: body = "Tab"
        case .escape: body = "Esc"
        case .backspace: body = "Bksp"
        case .delete: body = "Del"
        case .insert: body = "Ins"
        case .up: body = "↑"
        case .down: body = "↓"
        case .left: body = "←"
        case .right: body = "→"
        case .home: body = "Home"
        case .end: body = "End"
        case .pageUp: body = "PgUp"
        case .pageDown: body = "PgDn"
        case .function(let n): body = "F\(n)"
        }
        return prefix + body
    }

    private static let names: [(String, KeyCode)] = [
        ("enter", .enter), ("return", .enter), ("tab", .tab), ("esc", .escape), ("escape", .escape),
        ("backspace", .backspace), ("bs", .backspace), ("delete", .delete), ("del", .delete),
        ("insert", .insert), ("ins", .insert), ("up", .up), ("down", .down), ("left", .left),
        ("right", .right), ("home", .home), ("end", .end), ("pgup", .pageUp), ("pageup", .pageUp),
        ("pgdn", .pageDown), ("pagedown", .pageDown), ("space", .character(" ")),
        ("plus", .character("+")),
    ]

    private static func code(named name: String) -> KeyCode? {
        if name.count == 1, let c = name.first { return .character(c) }
        let lower = name.lowercased()
        if let match = names.first(where: { $0.0 == lower }) { return match.1 }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) { return .function(n) }
        return nil
    }

    private static func name(of code: KeyCode) -> String {
        switch code {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .function(let n): return "f\(n)"
        default: return names.first(where: { $0.1 == code }).map(\.0) ?? "?"
        }
    }
}
