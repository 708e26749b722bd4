/// A widget that draws nothing, for layouts with an empty slot.
public struct EmptyWidget: Widget {
    public init() {}
    public func render(into buffer: inout ScreenBuffer) {}
}
