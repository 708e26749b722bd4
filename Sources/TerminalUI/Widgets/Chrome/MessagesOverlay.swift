/// The `:messages` overlay: the session's recent toasts, newest first, each whole (wrapped), scrollable.
///
/// A toast shows at most a few lines and then goes; this is where every word of it can be read again.
public struct MessagesOverlay: Widget {
    /// The messages, oldest first, with the time each was shown (already formatted).
    public var messages: [(time: String, toast: Toast)]
    public var scroll: Int

    public init(messages: [(time: String, toast: Toast)], scroll: Int) {
        self.messages = messages
        self.scroll = scroll
    }

    /// The overlay's lines at `width` (the text column after the time).
    public func lines(width: Int) -> [[TextSpan]] {
        guard !messages.isEmpty else { return [[TextSpan("No messages yet in this session.", role: .dim)]] }
        var result: [[TextSpan]] = []
        for (time, toast) in messages.reversed() {
            let role: StyleRole = switch toast.kind {
            case .error: .error
            case .warning: .warning
            case .success: .success
            case .info: .normal
            }
            let stamp = time.padded(toWidth: 9)
            for (index, line) in TextWrap.lines(toast.message, width: max(8, width - stamp.displayWidth)).enumerated() {
                result.append([TextSpan(index == 0 ? stamp : String(repeating: " ", count: stamp.displayWidth), role: .dim),
                               TextSpan(line, role: role)])
            }
        }
        return result
    }

    public func render(into buffer: inout ScreenBuffer) {
        let size = Size(width: min(buffer.bounds.width - 4, 100), height: max(3, buffer.bounds.height - 2))
        let outer = Modal<EmptyWidget>.frame(size: size, in: buffer.bounds)
        let inner = buffer.drawPanel(outer, style: .rounded, role: .modalBorder, title: "Messages (newest first)")
        let body = inner.inset(top: 1, left: 1, right: 1)
        let all = lines(width: body.width)
        let top = min(max(0, scroll), max(0, all.count - body.height))
        for (row, line) in all.dropFirst(top).prefix(body.height).enumerated() {
            buffer.write(line, in: body.row(row))
        }
        let hint = all.count > body.height ? " j/k scroll · Esc close " : " Esc close "
        buffer.write(hint, in: Rect(x: outer.x, y: outer.maxY - 1, width: outer.width - 2, height: 1),
                     alignment: .right, role: .dim)
    }
}
