/// A framed box centred over whatever is below it, with content drawn inside.
///
/// Modals are drawn last, over the panel, so they blank their own area;
/// the content widget draws into the inner rectangle (inside the border
/// and a one-cell margin all round; see `size(forContent:)`).
public struct Modal<Content: Widget>: Widget {
    public var title: String
    /// The preferred outer size; it shrinks to fit the screen.
    public var size: Size
    public var content: Content

    public init(title: String, size: Size, content: Content) {
        self.title = title
        self.size = size
        self.content = content
    }

    /// The outer size of a modal whose content needs `content`: border and margin added.
    public static func size(forContent content: Size) -> Size {
        Size(width: content.width + 4, height: content.height + 4)
    }

    /// The outer rectangle the modal takes in `bounds`.
    public static func frame(size: Size, in bounds: Rect) -> Rect {
        bounds.centered(Size(width: min(size.width, bounds.width - 2), height: min(size.height, bounds.height - 2)))
    }

    public func render(into buffer: inout ScreenBuffer) {
        let outer = Self.frame(size: size, in: buffer.bounds)
        let inner = buffer.drawPanel(outer, style: .rounded, role: .modalBorder, title: title)
        buffer.render(content, in: inner.inset(by: 1))
    }
}
