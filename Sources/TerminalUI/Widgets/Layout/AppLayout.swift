/// The console's screen regions: header, sidebar, main panel, docked pane, footer.
///
/// ```
/// ┌ header ──────────────────────────────┐
/// │ sidebar │ main                        │
/// │         ├─────────────────────────────┤
/// │         │ docked (log pane)           │
/// └ footer ──────────────────────────────┘
/// ```
/// Computed from the size and the layout settings alone, so panels, mouse
/// hit-testing and page sizes all agree on where things are.
public struct AppLayout: Hashable, Sendable {
    public var header: Rect
    public var sidebar: Rect
    public var main: Rect
    public var docked: Rect
    public var footer: Rect

    public init(header: Rect, sidebar: Rect, main: Rect, docked: Rect, footer: Rect) {
        self.header = header
        self.sidebar = sidebar
        self.main = main
        self.docked = docked
        self.footer = footer
    }

    /// Lays out a screen of `size`.
    ///
    /// The sidebar is hidden when the screen is narrower than
    /// `sidebarWidth + 60` so the main panel keeps room for its columns.
    public static func compute(size: Size, sidebarWidth: Int = 18, showSidebar: Bool = true,
                               dockedPane: DockedPane = DockedPane(), headerHeight: Int = 1,
                               footerHeight: Int = 1) -> AppLayout {
        let screen = Rect(size: size)
        let (header, belowHeader) = screen.splitTop(headerHeight)
        let (content, footer) = belowHeader.splitBottom(footerHeight)
        let sidebarShown = showSidebar && size.width >= sidebarWidth + 60
        let (sidebar, right) = content.splitLeft(sidebarShown ? sidebarWidth : 0)
        let (main, docked) = right.splitBottom(dockedPane.effectiveHeight(available: right.height))
        return AppLayout(header: header, sidebar: sidebar, main: main, docked: docked, footer: footer)
    }
}
