import Testing
import TerminalUI

@Suite struct ScreenBufferTests {
    @Test func writeClipsToWidthWithoutHalfDrawingWideCharacters() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        let used = buffer.write("ab漢字", at: .zero, maxWidth: 5)
        #expect(used == 4)
        #expect(buffer.text == "ab漢  ")
    }

    @Test func wideCharacterAtTheRightEdgeIsBlankedNotHalfDrawn() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        buffer.write("abcd漢", at: .zero)
        #expect(buffer.text == "abcd ")
        #expect(buffer.cell(atX: 4, y: 0)?.width == 1)
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.write("漢字", at: .zero)
        buffer.write("x", at: Point(x: 1, y: 0))
        #expect(buffer.text == " x字  ")
        buffer.write("y", at: Point(x: 2, y: 0))
        #expect(buffer.text == " xy   ")
    }

    @Test func combiningMarksStayWithTheirBase() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.write("e\u{301}x", at: .zero)
        #expect(buffer.text == "e\u{301}x  ")
    }

    @Test func controlCharactersAreMadeVisible() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.write("a\u{1B}b\tc", at: .zero)
        #expect(buffer.text == "a\u{FFFD}b ")
    }

    @Test func regionsTranslateAndClip() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 3))
        buffer.withRegion(Rect(x: 2, y: 1, width: 4, height: 1)) { region in
            #expect(region.bounds == Rect(x: 0, y: 0, width: 4, height: 1))
            region.write("abcdefgh", at: .zero)
            region.write("zz", at: Point(x: 0, y: 1))
            region.withRegion(Rect(x: 3, y: 0, width: 5, height: 1)) { inner in
                inner.write("XY", at: .zero)
            }
        }
        #expect(buffer.text == "          \n  abcX    \n          ")
    }

    @Test func wideCharacterCutByTheLeftEdgeOfARegionLeavesABlank() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.write("------", at: .zero)
        buffer.withRegion(Rect(x: 2, y: 0, width: 4, height: 1)) { region in
            region.write("漢字", at: Point(x: -1, y: 0))
        }
        #expect(buffer.text == "-- 字-")
    }

    @Test(arguments: [(TextAlignment.left, "ab    "), (.right, "    ab"), (.center, "  ab  ")])
    func alignmentInAField(alignment: TextAlignment, expected: String) {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.write("ab", in: buffer.bounds, alignment: alignment)
        #expect(buffer.text == expected)
    }

    @Test func tooLongTextInAFieldEndsWithAnEllipsis() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.write("abcdefgh", in: buffer.bounds)
        #expect(buffer.text == "abcde…")
    }

    @Test func cursorIsTranslatedAndHiddenWhenClipped() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 3))
        buffer.withRegion(Rect(x: 2, y: 1, width: 4, height: 1)) { $0.setCursor(Point(x: 1, y: 0)) }
        #expect(buffer.cursor == Point(x: 3, y: 1))
        buffer.withRegion(Rect(x: 2, y: 1, width: 4, height: 1)) { $0.setCursor(Point(x: 5, y: 0)) }
        #expect(buffer.cursor == nil)
    }

    @Test func roleTextHasOneLetterPerCell() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        buffer.write([TextSpan("a", role: .error), TextSpan("漢", role: .title)], at: .zero)
        #expect(buffer.roleText == "ett..")
    }

    @Test func boxWithTitle() {
        var buffer = ScreenBuffer(size: Size(width: 24, height: 5))
        buffer.drawBox(Rect(x: 0, y: 0, width: 24, height: 5), title: "Buckets (3)")
        buffer.drawBox(Rect(x: 2, y: 1, width: 12, height: 3), style: .rounded, role: .borderFocused,
                       title: "a very long title")
        buffer.write("漢字", at: Point(x: 4, y: 2))
        #expect(buffer.text == """
            ┌─ Buckets (3) ────────┐
            │ ╭─ a ver… ─╮         │
            │ │ 漢字     │         │
            │ ╰──────────╯         │
            └──────────────────────┘
            """)
    }

    @Test func equalBuffersCompareEqualRegardlessOfRegionState() {
        var a = ScreenBuffer(size: Size(width: 3, height: 1))
        var b = ScreenBuffer(size: Size(width: 3, height: 1))
        a.withRegion(Rect(x: 1, y: 0, width: 2, height: 1)) { $0.write("x", at: .zero) }
        b.write("x", at: Point(x: 1, y: 0))
        #expect(a == b)
    }
}
