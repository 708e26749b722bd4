import Testing
import TerminalUI

@Suite struct TextInputTests {
    func typing(_ text: String, into state: inout TextInputState) {
        for character in text { _ = state.handle(.key(.character(character))) }
    }

    func line(_ state: TextInputState, width: Int, focused: Bool = true) -> (String, Point?) {
        var buffer = ScreenBuffer(size: Size(width: width, height: 1))
        buffer.render(TextInputView(state: state, focused: focused), in: buffer.bounds)
        return (buffer.text, buffer.cursor)
    }

    @Test func typingInsertsAtTheCursor() {
        var state = TextInputState()
        typing("helo", into: &state)
        #expect(state.handle(.key(.left)) == .moved)
        #expect(state.handle(.key("l")) == .edited)
        #expect(state.text == "hello")
        #expect(state.cursor == 4)
    }

    @Test func readlineKeysEdit() {
        var state = TextInputState(text: "my-bucket name")
        #expect(state.handle(.key("ctrl+w")) == .edited)
        #expect(state.text == "my-bucket ")
        _ = state.handle(.key("ctrl+a"))
        #expect(state.cursor == 0)
        _ = state.handle(.key("alt+f"))
        #expect(state.cursor == 2)
        _ = state.handle(.key("ctrl+k"))
        #expect(state.text == "my")
        _ = state.handle(.key("ctrl+e"))
        _ = state.handle(.key("ctrl+u"))
        #expect(state.text.isEmpty)
    }

    @Test func backspaceAndDeleteRemoveWholeCharacters() {
        var state = TextInputState(text: "a漢e\u{301}")
        _ = state.handle(.key(.backspace))
        #expect(state.text == "a漢")
        _ = state.handle(.key(.home))
        _ = state.handle(.key(.delete))
        #expect(state.text == "漢")
        #expect(state.handle(.key(.backspace)) == .ignored)
        #expect(state.handle(.key(.end)) == .moved)
    }

    @Test func pasteInsertsOneLine() {
        var state = TextInputState(text: "ab")
        _ = state.handle(.key(.left))
        #expect(state.handle(.paste("x\ny\tz")) == .edited)
        #expect(state.text == "ax y zb")
    }

    @Test func maxLengthDropsExtraCharacters() {
        var state = TextInputState(text: "", maxLength: 3)
        #expect(state.handle(.paste("abcdef")) == .edited)
        #expect(state.text == "abc")
        #expect(state.handle(.key("d")) == .ignored)
    }

    @Test func enterAndEscapeAreReported() {
        var state = TextInputState()
        #expect(state.handle(.key(.enter)) == .submitted)
        #expect(state.handle(.key(.escape)) == .cancelled)
        #expect(state.handle(.key(.function(2))) == .ignored)
    }

    @Test func renderShowsCursorAndPlaceholder() {
        let (text, cursor) = line(TextInputState(text: "abc"), width: 8)
        #expect(text == "abc     ")
        #expect(cursor == Point(x: 3, y: 0))
        var buffer = ScreenBuffer(size: Size(width: 12, height: 1))
        buffer.render(TextInputView(state: TextInputState(), placeholder: "bucket name"), in: buffer.bounds)
        #expect(buffer.text == " bucket name")
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        var state = TextInputState(text: "0123456789abcdef")
        #expect(line(state, width: 8) == ("9abcdef ", Point(x: 7, y: 0)))
        _ = state.handle(.key(.home))
        #expect(line(state, width: 8) == ("01234567", Point(x: 0, y: 0)))
    }

    @Test func wideCharactersScrollWithoutBeingHalfDrawn() {
        let (text, cursor) = line(TextInputState(text: "漢字漢字漢"), width: 6)
        #expect(text == " 字漢 ")
        #expect(cursor == Point(x: 5, y: 0))
    }

    @Test func secureFieldsHideTheText() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 1))
        buffer.render(TextInputView(state: TextInputState(text: "secret"), secure: true), in: buffer.bounds)
        #expect(buffer.text == "••••••  ")
    }

    @Test func unfocusedFieldsShowNoCursor() {
        #expect(line(TextInputState(text: "abc"), width: 8, focused: false).1 == nil)
    }
}
