/// Something that draws itself into the current region of a buffer.
///
/// Every widget view is a small value built from state (and options) whose
/// `render` is pure, so panels compose them with `buffer.render(_:in:)` and
/// tests snapshot them at any size.
public protocol Widget {
    /// Draws into `buffer.bounds`; anything outside is clipped.
    func render(into buffer: inout ScreenBuffer)
}
