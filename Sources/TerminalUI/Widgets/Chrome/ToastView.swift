/// Draws the newest toasts stacked in the bottom-right corner of the region.
///
/// At most three are shown, newest at the bottom, each as wide as its
/// message up to half the region, wrapped to four lines.
public struct ToastView: Widget {
    public var toasts: [Toast]
    public var maxVisible: Int

    public init(toasts: [Toast], maxVisible: Int = 3) {
        self.toasts = toasts
        self.maxVisible = maxVisible
    }

    public func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        let widest = max(30, area.width / 2)
        var bottom = area.maxY
        for toast in toasts.suffix(maxVisible).reversed() {
            let width = min(area.width - 2, max(30, min(widest, toast.message.displayWidth + 6)))
            guard width > 6 else { return }
            var lines = Array(TextWrap.lines(Self.prefix(toast.kind) + toast.message, width: width - 4))
            if lines.count > 4 {
                // Cut, so it says so, and where the whole message is.
                lines = Array(lines.prefix(3)) + ["… (:messages shows it all)".truncated(toWidth: width - 4)]
            }
            let height = lines.count + 2
            guard bottom - height >= area.minY else { break }
            let rect = Rect(x: area.maxX - width - 1, y: bottom - height, width: width, height: height)
            let role: StyleRole = toast.kind == .error ? .toastError : .toast
            buffer.drawPanel(rect, style: .rounded, role: role, fillRole: role)
            for (index, line) in lines.enumerated() {
                buffer.write(line, in: rect.inset(left: 2, right: 2).row(1 + index), role: role)
            }
            bottom -= height
        }
    }

    private static func prefix(_ kind: Toast.Kind) -> String {
        switch kind {
        case .info: "ℹ "
        case .success: "✓ "
        case .warning: "⚠ "
        case .error: "✗ "
        }
    }
}
