/// A key with its modifiers: what a binding table matches on.
///
/// Keys are written in binding tables by their spelling (`"ctrl+a"`,
/// `"shift+tab"`, `"pgdn"`, `"/"`, `"space"`), see `Key(spelling:)`.
/// Letters with Ctrl are stored lowercase, so `ctrl+A` and `ctrl+a` match.
public struct Key: Hashable, Sendable {
    public var code: KeyCode
    public var modifiers: KeyModifiers

    public init(_ code: KeyCode, modifiers: KeyModifiers = []) {
        if case .character(let c) = code, modifiers.contains(.ctrl) {
            self.code = .character(Character(c.lowercased()))
        } else {
            self.code = code
        }
        self.modifiers = modifiers
    }

    /// A plain character key.
    public static func character(_ character: Character) -> Key { Key(.character(character)) }
    /// Ctrl plus a letter (what terminals send as bytes 1-26).
    public static func ctrl(_ character: Character) -> Key { Key(.character(character), modifiers: .ctrl) }
    /// Alt (Meta) plus a character (what terminals send as Esc followed by it).
    public static func alt(_ character: Character) -> Key { Key(.character(character), modifiers: .alt) }

    public static let enter = Key(.enter)
    public static let tab = Key(.tab)
    public static let backTab = Key(.tab, modifiers: .shift)
    public static let escape = Key(.escape)
    public static let backspace = Key(.backspace)
    public static let delete = Key(.delete)
    public static let insert = Key(.insert)
    public static let up = Key(.up)
    public static let down = Key(.down)
    public static let left = Key(.left)
    public static let right = Key(.right)
    public static let home = Key(.home)
    public static let end = Key(.end)
    public static let pageUp = Key(.pageUp)
    public static let pageDown = Key(.pageDown)
    public static let space = Key(.character(" "))
    public static func function(_ number: Int) -> Key { Key(.function(number)) }

    /// The character this key types, if it is an unmodified printable character.
    public var typedCharacter: Character? {
        if case .character(let c) = code, modifiers.isEmpty { return c }
        return nil
    }
}
