import CNCurses
import TerminalUI

/// Turns what `wget_wch` returns into keys.
///
/// Kept apart from the terminal so the mapping (control bytes, Backspace as
/// 8 or 127, Shift-Tab as KEY_BTAB, shifted arrows) can be tested without a
/// screen.
public enum CursesKeyDecoder {
    /// The key for a character read with status OK (`code` is a Unicode scalar value).
    ///
    /// Escape (27) is returned as `.escape`; the terminal decides whether a
    /// following character makes it Alt.
    public static func character(_ code: UInt32) -> Key? {
        switch code {
        case 0: return Key(.character(" "), modifiers: .ctrl)
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 1...26:
            guard let scalar = Unicode.Scalar(code + 96) else { return nil }
            return .ctrl(Character(scalar))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        default:
            guard let scalar = Unicode.Scalar(code), !(0x80..<0xA0).contains(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The key for a function-key code read with status KEY_CODE_YES, or nil if unknown.
    ///
    /// `extended` holds codes ncurses assigned at run time to keys such as
    /// Ctrl-Left (terminfo's `kLFT5`), looked up when the terminal starts.
    public static func functionKey(_ code: Int32, extended: [Int32: Key] = [:]) -> Key? {
        if let key = functionKeys[code] ?? extended[code] { return key }
        let f0 = cn_key_f(0)
        if code > f0, code <= f0 + 24 { return .function(Int(code - f0)) }
        return nil
    }

    /// The fixed ncurses key codes.
    public static let functionKeys: [Int32: Key] = [
        KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
        KEY_HOME: .home, KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
        KEY_DC: .delete, KEY_IC: .insert, KEY_BACKSPACE: .backspace, KEY_ENTER: .enter,
        KEY_BTAB: .backTab, KEY_SR: Key(.up, modifiers: .shift), KEY_SF: Key(.down, modifiers: .shift),
        KEY_SLEFT: Key(.left, modifiers: .shift), KEY_SRIGHT: Key(.right, modifiers: .shift),
        KEY_SHOME: Key(.home, modifiers: .shift), KEY_SEND: Key(.end, modifiers: .shift),
        KEY_SDC: Key(.delete, modifiers: .shift), KEY_A1: .home, KEY_C1: .end, KEY_A3: .pageUp, KEY_C3: .pageDown,
    ]

    /// Terminfo names of modified keys (xterm style: 2 shift, 3 alt, 5 ctrl) and what they mean.
    static let extendedKeyNames: [(String, Key)] = {
        let bases: [(String, KeyCode)] = [("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right),
                                          ("kHOM", .home), ("kEND", .end), ("kDC", .delete),
                                          ("kPRV", .pageUp), ("kNXT", .pageDown)]
        let modifiers: [(String, KeyModifiers)] = [("3", .alt), ("4", [.alt, .shift]), ("5", .ctrl),
                                                   ("6", [.ctrl, .shift]), ("7", [.ctrl, .alt])]
        return bases.flatMap { base in modifiers.map { (base.0 + $0.0, Key(base.1, modifiers: $0.1)) } }
    }()
}
