import TerminalUI

/// Where everything goes on a screen of the state's size; the reducer and the view share it,
/// so page sizes match what is drawn.
struct ConsoleLayout {
    static let sidebarWidth = 16

    var app: AppLayout
    /// Inside the main panel's frame.
    var inner: Rect
    var breadcrumb: Rect
    /// Between the breadcrumb and the status line: the table or the content.
    var body: Rect
    var status: Rect

    init(_ state: ConsoleState) {
        let fills = state.service.panel?.fillsScreen(state) ?? false
        app = AppLayout.compute(size: state.size, sidebarWidth: Self.sidebarWidth, showSidebar: !fills,
                                dockedPane: fills ? DockedPane(isVisible: false) : state.logPane)
        inner = app.main.inset(by: 1)
        let (crumb, rest) = inner.splitTop(1)
        breadcrumb = crumb
        let (middle, bottom) = rest.splitBottom(1)
        body = middle
        status = bottom
    }

    /// Rows a table shows (its header takes one): the page for PgUp/PgDn.
    var tablePageSize: Int { max(1, TableView<String>.visibleRowCount(height: body.height)) }
}
