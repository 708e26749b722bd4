/// Draws a progress bar with percentage on the first line and bytes, rate and ETA on the second.
///
/// With one line of room, the bar shares it with the percentage only.
public struct ProgressBarView: Widget {
    public var state: ProgressState

    public init(state: ProgressState) {
        self.state = state
    }

    public func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        guard area.width > 0, area.height > 0 else { return }
        let percent = state.fraction.map(Formatting.percent) ?? ""
        let (barRect, percentRect) = area.row(0).splitRight(percent.isEmpty ? 0 : 5)
        drawBar(&buffer, in: barRect)
        buffer.write(percent, in: percentRect, alignment: .right)
        if area.height > 1 {
            var text = state.summary
            if state.isCancellable { text += " · Esc cancels" }
            buffer.write(text, in: area.row(1), role: .dim)
        }
    }

    private func drawBar(_ buffer: inout ScreenBuffer, in rect: Rect) {
        guard rect.width > 0 else { return }
        buffer.fill(rect, with: "░", role: .progressTrack)
        guard let fraction = state.fraction else { return }
        let eighths = Int((fraction * Double(rect.width * 8)).rounded(.down))
        let full = eighths / 8
        buffer.fill(Rect(x: rect.x, y: rect.y, width: full, height: 1), with: "█", role: .progress)
        let partial = eighths % 8
        if partial > 0, full < rect.width {
            let glyphs: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
            buffer.put(glyphs[partial - 1], at: Point(x: rect.x + full, y: rect.y), role: .progress)
        }
    }
}
