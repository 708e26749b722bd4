import CursesTerminal
import Testing
import TerminalUI

@Suite struct CursesKeyDecoderTests {
    static let cases: [(UInt32, Key)] = [
        (1, .ctrl("a")), (5, .ctrl("e")), (23, .ctrl("w")), (8, .backspace), (127, .backspace),
        (9, .tab), (13, .enter), (10, .enter), (27, .escape), (0, Key(.character(" "), modifiers: .ctrl)),
        (47, .character("/")), (0x6F22, .character("漢")), (0xE9, .character("é")), (0x1F600, .character("😀")),
    ]

    @Test(arguments: cases)
    func charactersDecode(code: UInt32, key: Key) {
        #expect(CursesKeyDecoder.character(code) == key)
    }

    @Test func c1ControlsAreDropped() {
        #expect(CursesKeyDecoder.character(0x85) == nil)
    }

    @Test func functionKeysDecode() {
        // ncurses' fixed codes: KEY_DOWN 0402, KEY_UP 0403, KEY_BTAB 0541, KEY_NPAGE 0522, KEY_F(5) 0415.
        #expect(CursesKeyDecoder.functionKey(0o402) == .down)
        #expect(CursesKeyDecoder.functionKey(0o403) == .up)
        #expect(CursesKeyDecoder.functionKey(0o541) == .backTab)
        #expect(CursesKeyDecoder.functionKey(0o522) == .pageDown)
        #expect(CursesKeyDecoder.functionKey(0o415) == .function(5))
        #expect(CursesKeyDecoder.functionKey(0o407) == .backspace)
        #expect(CursesKeyDecoder.functionKey(9999) == nil)
        #expect(CursesKeyDecoder.functionKey(9999, extended: [9999: Key(.left, modifiers: .ctrl)]) == "ctrl+left")
    }
}
