/// A one-line text field: its text and cursor.
///
/// The text is held as an array of characters so the cursor is a plain
/// index and wide or combined characters move and delete as one unit.
public struct TextInputState: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position: the index of the character it stands before (0...count).
    public private(set) var cursor: Int
    /// The most characters the field accepts; extra typing or pasting is dropped.
    public var maxLength: Int

    public init(text: String = "", maxLength: Int = 4096) {
        self.characters = Array(text.prefix(maxLength))
        self.cursor = characters.count
        self.maxLength = maxLength
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Replaces the text and puts the cursor at its end.
    public mutating func setText(_ text: String) {
        characters = Array(text.prefix(maxLength))
        cursor = characters.count
    }

    /// Handles a key or paste using `bindings` for editing keys; printable characters are typed.
    public mutating func handle(_ event: KeyEvent,
                                bindings: KeyBindingTable<TextEditCommand> = TextEditCommand.defaultBindings)
        -> TextInputOutcome {
        switch event {
        case .paste(let text):
            return insert(text) ? .edited : .ignored
        case .key(let key):
            if let command = bindings.action(for: key) { return apply(command) }
            if let character = key.typedCharacter {
                return insert(String(character)) ? .edited : .ignored
            }
            return .ignored
        case .mouse, .resize:
            return .ignored
        }
    }

    /// Inserts text at the cursor (line breaks and tabs become spaces); returns whether anything was inserted.
    @discardableResult
    public mutating func insert(_ text: String) -> Bool {
        let room = maxLength - characters.count
        let clean = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
            .filter { $0.displayWidth > 0 }
            .prefix(max(0, room))
        guard !clean.isEmpty else { return false }
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
        return true
    }

    /// Applies an editing command.
    public mutating func apply(_ command: TextEditCommand) -> TextInputOutcome {
        let before = characters
        let oldCursor = cursor
        switch command {
        case .moveLeft: cursor = max(0, cursor - 1)
        case .moveRight: cursor = min(characters.count, cursor + 1)
        case .moveWordLeft: cursor = wordStart(before: cursor)
        case .moveWordRight: cursor = wordEnd(after: cursor)
        case .moveToStart: cursor = 0
        case .moveToEnd: cursor = characters.count
        case .deleteBackward:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .deleteWordBackward:
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .deleteToEnd:
            characters.removeSubrange(cursor...)
        case .deleteToStart:
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .submit:
            return .submitted
        case .cancel:
            return .cancelled
        }
        if characters != before { return .edited }
        return cursor != oldCursor ? .moved : .ignored
    }

    /// Where the field's visible text starts (in cells) so the cursor shows in `width` cells.
    ///
    /// Pure, so the view needs no scroll state: the text scrolls only when
    /// the cursor would leave the right edge.
    public func scrollOffset(width: Int) -> Int {
        let cursorColumn = DisplayWidth.of(String(characters[..<cursor]))
        return max(0, cursorColumn + 1 - max(1, width))
    }

    private func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_"
    }

    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, !isWordCharacter(characters[i - 1]) { i -= 1 }
        while i > 0, isWordCharacter(characters[i - 1]) { i -= 1 }
        return i
    }

    private func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count, !isWordCharacter(characters[i]) { i += 1 }
        while i < characters.count, isWordCharacter(characters[i]) { i += 1 }
        return i
    }
}
