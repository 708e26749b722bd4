import Testing
import TerminalUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("~", 1), ("é", 1), ("e\u{301}", 1), ("漢", 2), ("한", 2), ("Ａ", 2), ("ｱ", 1),
        ("😀", 2), ("❤", 1), ("❤️", 2), ("🇯🇵", 2), ("👨‍👩‍👧", 2), ("👍🏽", 2), ("\u{200B}", 0), ("\u{301}", 0),
        ("\u{7}", 0), ("→", 1), ("─", 1), ("…", 1),
    ])
    func characterWidth(text: String, width: Int) {
        #expect(text.displayWidth == width, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func stringWidthAddsCharacters() {
        #expect("abc漢字".displayWidth == 7)
        #expect("naïve café".displayWidth == 10)
        #expect("".displayWidth == 0)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect("漢字漢字".truncated(toWidth: 5) == "漢字…")
        #expect("漢字漢字".prefix(fittingWidth: 3) == "漢")
        #expect("photos/2024/cat.jpg".truncatedFromStart(toWidth: 10) == "…4/cat.jpg")
        #expect("abc".padded(toWidth: 6, alignment: .right) == "   abc")
        #expect("abc".padded(toWidth: 7, alignment: .center) == "  abc  ")
    }

    @Test func wrapBreaksAtSpacesAndSplitsLongWords() {
        #expect(TextWrap.lines("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.lines("漢字漢字", width: 3) == ["漢", "字", "漢", "字"])
        #expect(TextWrap.lines("one\ntwo", width: 10) == ["one", "two"])
    }
}
