/// What to show instead of the console when the terminal is below the minimum size.
///
/// Drawing the real layout in a tiny window would clip it into nonsense;
/// this says what is wrong and how to fix it, and the console resumes on
/// the next resize.
public struct TooSmallScreen: Widget {
    public var minimum: Size

    public init(minimum: Size = .minimumTerminal) {
        self.minimum = minimum
    }

    public func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        buffer.clear()
        let lines: [(String, StyleRole)] = [
            ("Terminal too small", .error),
            ("This window is \(area.width)×\(area.height); Overcast needs at least \(minimum.width)×\(minimum.height).", .normal),
            ("Make the window larger or the font smaller.", .dim),
            ("Press q to quit.", .dim),
        ]
        let wrapped = lines.flatMap { line in TextWrap.lines(line.0, width: area.width).map { ($0, line.1) } }
        let top = max(0, (area.height - wrapped.count) / 2)
        for (index, line) in wrapped.enumerated() {
            buffer.write(line.0, in: area.row(top + index), alignment: .center, role: line.1)
        }
    }
}
