extension ScreenBuffer {
    /// The grid as text, one line per row, wide characters once, no trailing newline.
    ///
    /// This is what goldens compare: every line has exactly `size.width`
    /// columns of display width, so the file shows the real layout.
    public var text: String {
        (0..<size.height).map(line).joined(separator: "\n")
    }

    /// One row of the grid as text.
    public func line(_ y: Int) -> String {
        var result = ""
        for cell in row(y) where !cell.isContinuation { result += cell.text }
        return result
    }

    /// The grid as role letters, one character per cell (see `StyleRole.letter`).
    ///
    /// The second layer of a golden: it catches a lost highlight that the
    /// text alone would not show.
    public var roleText: String {
        (0..<size.height).map { y in String(row(y).map(\.role.letter)) }.joined(separator: "\n")
    }
}
