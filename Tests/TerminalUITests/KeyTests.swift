import Testing
import TerminalUI

@Suite struct KeyTests {
    @Test(arguments: [
        ("ctrl+a", Key.ctrl("a")), ("shift+tab", Key.backTab), ("pgdn", Key.pageDown), ("/", Key.character("/")),
        ("enter", Key.enter), ("esc", Key.escape), ("f5", Key.function(5)), ("space", Key.space),
        ("alt+x", Key.alt("x")), ("G", Key.character("G")), ("shift+g", Key.character("G")),
        ("ctrl+C", Key.ctrl("c")), ("+", Key.character("+")), ("ctrl++", Key.ctrl("+")), ("é", Key.character("é")),
        ("home", Key.home), ("delete", Key.delete), ("backspace", Key.backspace),
    ])
    func spellingParses(spelling: String, key: Key) {
        #expect(Key(spelling: spelling) == key)
    }

    @Test(arguments: ["ctrl+a", "shift+tab", "pgdn", "pgup", "/", "enter", "esc", "f12", "space", "alt+x",
                      "ctrl+alt+delete", "up", "insert", "tab", "?"])
    func canonicalSpellingRoundTrips(spelling: String) {
        #expect(Key(spelling: spelling)?.spelling == spelling)
    }

    @Test(arguments: ["", "ctrl+", "hyper+a", "f99", "pagedownn"])
    func unknownSpellingIsNil(spelling: String) {
        #expect(Key(spelling: spelling) == nil)
    }

    @Test func labelsAreShortForTheFooter() {
        #expect(Key.ctrl("d").label == "^D")
        #expect(Key.backTab.label == "⇧Tab")
        #expect(Key.pageDown.label == "PgDn")
        #expect(Key.space.label == "Space")
        #expect(Key.alt("b").label == "M-b")
    }
}
