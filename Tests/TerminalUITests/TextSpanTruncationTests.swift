import Testing
import TerminalUI

@Suite("Cutting spans to a width")
struct TextSpanTruncationTests {
    let spans = [TextSpan("key ", role: .keyHint), TextSpan("a long help text", role: .normal)]

    @Test("spans that fit are left alone")
    func fits() {
        #expect(spans.truncated(toWidth: 20) == spans)
        #expect(spans.truncated(toWidth: 40) == spans)
    }

    @Test("spans that do not fit are cut one cell short and end in …, keeping each span's role")
    func cut() {
        let cut = spans.truncated(toWidth: 10)
        #expect(cut == [TextSpan("key ", role: .keyHint), TextSpan("a lon", role: .normal), TextSpan("…", role: .dim)])
        #expect(cut.displayWidth == 10)
        #expect(spans.truncated(toWidth: 4) == [TextSpan("key", role: .keyHint), TextSpan("…", role: .dim)])
        #expect(spans.truncated(toWidth: 1) == [TextSpan("…", role: .dim)])
        #expect(spans.truncated(toWidth: 0).isEmpty)
    }

    @Test("a wide character that would cross the edge is left out, not halved")
    func wide() {
        let cut = [TextSpan("名前名前")].truncated(toWidth: 6)
        #expect(cut == [TextSpan("名前"), TextSpan("…", role: .dim)])
        #expect(cut.displayWidth == 5)
    }
}
