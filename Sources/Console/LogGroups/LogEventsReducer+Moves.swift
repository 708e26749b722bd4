import CloudEngine
import Foundation
import TerminalUI

/// Moving in the events view: scrolling (which pages in older or newer events at the ends) and jumping to a time.
extension LogEventsReducer {
    /// Shows the first event at or after `time`: in the window if it is there, else a page read from that time.
    static func jump(_ s: inout ConsoleState, to time: Int64) -> [ConsoleEffect] {
        guard var view = s.logGroups.events else { return [] }
        let before = view.events.first.map { time < $0.timestamp } ?? true
        let after = view.events.last.map { time > $0.timestamp } ?? true
        if (before && view.olderToken != nil) || (after && view.hasNewer) {
            view.loading = .from(time)
            view.landing = .time(time)
            s.logGroups.events = view
            return [.logGroups(.loadEvents(view.source, .from(time)))]
        }
        let layout = LogEventsLayout(s, view)
        let bottom = layout.bottom(view)
        view.top = min(view.firstEntry(atOrAfter: time).map { LogEventsPosition(entry: $0) } ?? bottom, bottom)
        view.follow = view.top >= bottom && !view.hasNewer
        s.logGroups.events = view
        return []
    }

    // MARK: - Scrolling

    static func scrolled(_ s: inout ConsoleState, _ scroll: PreviewScroll) -> [ConsoleEffect] {
        guard var view = s.logGroups.events else { return [] }
        let layout = LogEventsLayout(s, view)
        let bottom = layout.bottom(view)
        let from = view.follow ? bottom : view.top
        var upward = false
        switch scroll {
        case .lines(let n):
            view.top = layout.moved(from, by: n, view)
            upward = n < 0
        case .pages(let n):
            view.top = layout.moved(from, by: n * max(1, layout.height - 1), view)
            upward = n < 0
        case .top:
            view.top = LogEventsPosition()
            upward = true
        case .bottom:
            view.top = bottom
        }
        // G with newer events still to read follows them: the view stays at the bottom as they arrive.
        view.follow = view.top >= bottom && (!view.hasNewer || scroll == .bottom)
        var page: LogEventsPageRequest?
        if view.loading == nil {
            if upward, view.top == LogEventsPosition(), let token = view.olderToken {
                page = .older(token)
            } else if !upward, view.top >= bottom, view.hasNewer, let token = view.newerToken {
                page = .newer(token)
            }
        }
        view.loading = page ?? view.loading
        s.logGroups.events = view
        return page.map { [.logGroups(.loadEvents(view.source, $0))] } ?? []
    }

    /// After a toggle or a rebuild: a following view stays at the bottom, another stays on screen.
    static func settle(_ s: inout ConsoleState) {
        guard var view = s.logGroups.events else { return }
        let layout = LogEventsLayout(s, view)
        let bottom = layout.bottom(view)
        if view.follow {
            view.top = bottom
        } else {
            view.top.row = min(view.top.row, max(0, layout.rows(view, view.top.entry).count - 1))
            view.top = min(view.top, bottom)
        }
        s.logGroups.events = view
    }
}
