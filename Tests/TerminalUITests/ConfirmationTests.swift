import Testing
import TerminalUI
import ScreenTesting

@Suite struct ConfirmationTests {
    func bucketDeletion(typed: Bool) -> ConfirmationState {
        ConfirmationState(title: "Delete bucket",
                          message: "Delete bucket photos and its 1,204 objects? This cannot be undone.",
                          resourceName: "photos", confirmLabel: "Delete bucket", requireTypedName: typed)
    }

    @Test func typedNameIsRequiredBeforeConfirming() {
        var state = bucketDeletion(typed: true)
        #expect(state.handle(.key(.enter)) == .refused("Type photos to confirm"))
        #expect(state.handle(.key("y")) == .changed)
        _ = state.handle(.key(.backspace))
        for character in "photos" { _ = state.handle(.key(.character(character))) }
        #expect(state.canConfirm)
        #expect(state.handle(.key(.enter)) == .confirmed)
    }

    @Test func simpleConfirmationTakesYOrN() {
        var state = bucketDeletion(typed: false)
        #expect(state.handle(.key("y")) == .confirmed)
        #expect(state.handle(.key("n")) == .cancelled)
        #expect(state.handle(.key(.escape)) == .cancelled)
        #expect(state.handle(.key("x")) == .ignored)
    }

    @Test func typedConfirmationAt80x24() {
        var state = bucketDeletion(typed: true)
        for character in "pho" { _ = state.handle(.key(.character(character))) }
        var buffer = ScreenBuffer(size: Size(width: 80, height: 24))
        buffer.render(ConfirmationView(state: state).modal, in: buffer.bounds)
        assertScreen(buffer, roles: true)
    }

    @Test func simpleConfirmationAt80x24() {
        var buffer = ScreenBuffer(size: Size(width: 80, height: 24))
        buffer.render(ConfirmationView(state: bucketDeletion(typed: false)).modal, in: buffer.bounds)
        assertScreen(buffer)
    }

    @Test("a message longer than the dialog shows up to eight lines, the last ending in …")
    func longMessageEndsInEllipsis() {
        let words = (1...120).map { "word\($0)" }.joined(separator: " ")
        let state = ConfirmationState(title: "Delete user", message: words, resourceName: "alice", confirmLabel: "Delete")
        var buffer = ScreenBuffer(size: Size(width: 80, height: 24))
        buffer.render(ConfirmationView(state: state).modal, in: buffer.bounds)
        let text = buffer.text
        #expect(text.contains("word1 "))
        #expect(text.contains("…"))
        #expect(!text.contains("word120"))
    }
}
