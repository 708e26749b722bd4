import CNCurses
import TerminalUI

extension CursesTerminal {
    /// Reads one event, waiting at most `timeoutMs`; nil on timeout or an unknown key.
    public func readEvent(timeoutMs: Int) -> KeyEvent? {
        guard screen != nil else { return nil }
        checkThread()
        wtimeout(cn_stdscr(), Int32(clamping: timeoutMs))
        guard let (status, code) = readRaw() else { return nil }
        if status == cn_key_code_yes() { return functionEvent(Int32(bitPattern: code)) }
        if code == 27 { return escapeOrAlt() }
        return CursesKeyDecoder.character(code).map(KeyEvent.key)
    }

    /// One `wget_wch` result, or nil when nothing arrived.
    private func readRaw() -> (Int32, UInt32)? {
        var code: wint_t = 0
        let status = wget_wch(cn_stdscr(), &code)
        guard status != cn_err() else { return nil }
        return (status, UInt32(code))
    }

    private func functionEvent(_ code: Int32) -> KeyEvent? {
        switch code {
        case KEY_RESIZE:
            previous = nil
            return .resize(size)
        case KEY_MOUSE:
            return mouseEvent()
        case Self.pasteBeginCode:
            return .paste(readPaste())
        case Self.pasteEndCode:
            return nil
        default:
            return CursesKeyDecoder.functionKey(code, extended: extendedKeys).map(KeyEvent.key)
        }
    }

    /// Esc alone, or Alt plus the key that follows at once (terminals send Alt-x as Esc x).
    private func escapeOrAlt() -> KeyEvent {
        wtimeout(cn_stdscr(), 0)
        guard let (status, code) = readRaw() else { return .key(.escape) }
        let next = status == cn_key_code_yes()
            ? CursesKeyDecoder.functionKey(Int32(bitPattern: code), extended: extendedKeys)
            : CursesKeyDecoder.character(code)
        guard var key = next, key != .escape else { return .key(.escape) }
        key.modifiers.insert(.alt)
        return .key(key)
    }

    /// Collects pasted text up to the end marker, giving up after a second of silence or 1 MiB.
    private func readPaste() -> String {
        var scalars = String.UnicodeScalarView()
        wtimeout(cn_stdscr(), 1000)
        while scalars.count < 1 << 20, let (status, code) = readRaw() {
            if status == cn_key_code_yes() {
                if Int32(bitPattern: code) == Self.pasteEndCode { break }
                continue
            }
            let value = code == 13 ? 10 : code
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    private func mouseEvent() -> KeyEvent? {
        var event = MEVENT()
        guard getmouse(&event) == cn_ok() else { return nil }
        let state = event.bstate
        var modifiers: KeyModifiers = []
        if state & cn_button_shift() != 0 { modifiers.insert(.shift) }
        if state & cn_button_ctrl() != 0 { modifiers.insert(.ctrl) }
        if state & cn_button_alt() != 0 { modifiers.insert(.alt) }
        let action: MouseEvent.Action
        if state & cn_button4_pressed() != 0 {
            action = .wheelUp
        } else if state & cn_button5_pressed() != 0 {
            action = .wheelDown
        } else if state & (cn_button1_pressed() | cn_button1_clicked()) != 0 {
            action = .press(.left)
        } else if state & cn_button1_released() != 0 {
            action = .release(.left)
        } else if state & cn_button3_pressed() != 0 {
            action = .press(.right)
        } else if state & cn_button2_pressed() != 0 {
            action = .press(.middle)
        } else {
            return nil
        }
        return .mouse(MouseEvent(action: action, position: Point(x: Int(event.x), y: Int(event.y)),
                                 modifiers: modifiers))
    }
}
