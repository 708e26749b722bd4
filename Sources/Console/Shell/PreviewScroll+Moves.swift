import TerminalUI

/// How a scrolling view (a preview, a document, a log) reads the table keys, and where a scroll lands.
extension PreviewScroll {
    /// ↑/↓ a line, PgUp/PgDn a page, Home/End the ends; other table keys do not scroll.
    init(_ command: TableCommand) {
        switch command {
        case .up: self = .lines(-1)
        case .down: self = .lines(1)
        case .pageUp: self = .pages(-1)
        case .pageDown: self = .pages(1)
        case .top: self = .top
        case .bottom: self = .bottom
        default: self = .lines(0)
        }
    }

    /// The first line shown after this scroll from `top`, in a view `height` lines tall whose last useful top is
    /// `maxTop`. A page keeps one line of the last page in view.
    func moved(_ top: Int, height: Int, maxTop: Int) -> Int {
        let moved: Int
        switch self {
        case .lines(let n): moved = top + n
        case .pages(let n): moved = top + n * max(1, height - 1)
        case .top: moved = 0
        case .bottom: moved = maxTop
        }
        return min(max(0, moved), maxTop)
    }
}
