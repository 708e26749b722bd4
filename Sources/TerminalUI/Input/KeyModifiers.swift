/// Modifier keys held with a key.
///
/// Shift is only recorded for keys whose shifted form is not a different
/// character (Shift-Tab, shifted arrows); `A` is simply the character `A`.
public struct KeyModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let ctrl = KeyModifiers(rawValue: 1)
    public static let alt = KeyModifiers(rawValue: 2)
    public static let shift = KeyModifiers(rawValue: 4)
}
