/// The state of a table: a window of loaded rows, the selection, marks and scroll.
///
/// Only a window of rows (at most `windowLimit`) is held; movement near
/// either end of the window returns a `PageRequest` that the caller runs
/// against its `RowSource` (off the UI thread) and feeds back with
/// `receive(_:for:)`. The selection is kept by index into the window and
/// survives pages arriving on either side.
public struct TableState<ID: Hashable & Sendable>: Sendable {
    public private(set) var rows: [TableRow<ID>] = []
    public private(set) var hasMoreBefore = false
    public private(set) var hasMoreAfter = false
    /// Index into `rows` of the selected row; nil when the table is empty.
    public private(set) var selectedIndex: Int?
    /// Index into `rows` of the first visible row.
    public private(set) var scrollTop = 0
    public private(set) var marked: Set<ID> = []
    public private(set) var query = RowQuery()
    /// The request the table is waiting for, if any; others are ignored when they arrive.
    public private(set) var pending: PageRequest<ID>?
    /// Whether the first page has arrived (distinguishes "loading" from "empty").
    public private(set) var isLoaded = false
    /// How many rows to keep before dropping the far end of the window.
    public var windowLimit: Int

    public init(windowLimit: Int = 400) {
        self.windowLimit = max(8, windowLimit)
    }

    /// A fully loaded table, for short in-memory lists.
    public init(rows: [TableRow<ID>], windowLimit: Int = .max) {
        self.init(windowLimit: windowLimit)
        self.rows = rows
        self.isLoaded = true
        self.selectedIndex = rows.isEmpty ? nil : 0
    }

    // MARK: - Reading

    public var selectedRow: TableRow<ID>? { selectedIndex.map { rows[$0] } }
    public var selectedID: ID? { selectedRow?.id }

    /// The marked rows, or the selected one when none is marked: what a bulk action acts on.
    public var actionTargets: [ID] {
        guard marked.isEmpty else {
            let loaded = rows.map(\.id).filter(marked.contains)
            return loaded + marked.subtracting(loaded)
        }
        return selectedID.map { [$0] } ?? []
    }

    // MARK: - Loading

    /// Starts over from the first row (new panel, new filter, new sort); returns the request to run.
    public mutating func reload(pageSize: Int) -> PageRequest<ID> {
        request(PageRequest(.first, limit: fetchSize(pageSize), query: query))
    }

    /// Reloads around the selected row (after data changed); returns the request to run.
    public mutating func refresh(pageSize: Int) -> PageRequest<ID> {
        guard let id = selectedID else { return reload(pageSize: pageSize) }
        return request(PageRequest(.around(id), limit: fetchSize(pageSize), query: query))
    }

    /// Changes the filter; returns the request that loads the filtered rows.
    public mutating func setFilter(_ filter: String, pageSize: Int) -> PageRequest<ID> {
        query.filter = filter
        return reload(pageSize: pageSize)
    }

    /// Sorts by `column` (toggling direction if already sorted by it); returns the reload request.
    /// Sets the order without asking for rows: for a table that is about to be loaded (a folder opened with the
    /// order the last one had).
    public mutating func keepSort(_ sort: TableSort?) {
        query.sort = sort
    }

    public mutating func sort(byColumn column: Int, pageSize: Int) -> PageRequest<ID> {
        if let sort = query.sort, sort.column == column {
            query.sort = TableSort(column: column, ascending: !sort.ascending)
        } else {
            query.sort = TableSort(column: column)
        }
        return refresh(pageSize: pageSize)
    }

    /// Takes in a page; ignored unless it answers the pending request.
    ///
    /// Pages arrive late and out of order when the person keeps scrolling,
    /// so only the latest request's answer is applied.
    public mutating func receive(_ page: RowPage<ID>, for request: PageRequest<ID>) {
        guard request == pending else { return }
        pending = nil
        isLoaded = true
        switch request.position {
        case .first:
            replace(with: page, select: 0)
        case .last:
            replace(with: page, select: page.rows.count - 1)
        case .around(let id):
            replace(with: page, select: page.rows.firstIndex { $0.id == id } ?? min(selectedIndex ?? 0, page.rows.count - 1))
        case .after(let id):
            guard rows.last?.id == id else { return }
            rows.append(contentsOf: page.rows)
            hasMoreAfter = page.hasMoreAfter
            if selectedIndex == nil, !rows.isEmpty { selectedIndex = 0 }
            trimFront()
        case .before(let id):
            guard rows.first?.id == id else { return }
            rows.insert(contentsOf: page.rows, at: 0)
            hasMoreBefore = page.hasMoreBefore
            selectedIndex = selectedIndex.map { $0 + page.rows.count } ?? (rows.isEmpty ? nil : 0)
            scrollTop += page.rows.count
            trimBack()
        }
    }

    // MARK: - Commands

    /// Applies a command; returns a page request when rows beyond the window are needed.
    ///
    /// `pageSize` is the number of visible rows, which the caller knows from its layout.
    public mutating func apply(_ command: TableCommand, pageSize: Int) -> PageRequest<ID>? {
        let page = max(1, pageSize)
        switch command {
        case .up: return move(by: -1, pageSize: page)
        case .down: return move(by: 1, pageSize: page)
        case .pageUp: return move(by: -page, pageSize: page)
        case .pageDown: return move(by: page, pageSize: page)
        case .top:
            if hasMoreBefore { return request(PageRequest(.first, limit: fetchSize(page), query: query)) }
            select(0, pageSize: page)
            return nil
        case .bottom:
            if hasMoreAfter { return request(PageRequest(.last, limit: fetchSize(page), query: query)) }
            select(rows.count - 1, pageSize: page)
            return nil
        case .toggleMark:
            guard let id = selectedID else { return nil }
            if marked.remove(id) == nil { marked.insert(id) }
            return move(by: 1, pageSize: page)
        case .clearMarks:
            marked.removeAll()
            return nil
        }
    }

    /// Applies the command bound to `key` in `bindings`; returns whether the key was used and any request.
    public mutating func handle(_ key: Key, pageSize: Int,
                                bindings: KeyBindingTable<TableCommand> = TableCommand.defaultBindings)
        -> (handled: Bool, request: PageRequest<ID>?) {
        guard let command = bindings.action(for: key) else { return (false, nil) }
        return (true, apply(command, pageSize: pageSize))
    }

    /// Selects the row shown `offset` rows below the top of the view (a mouse click).
    public mutating func selectVisibleRow(_ offset: Int, pageSize: Int) {
        let index = scrollTop + offset
        guard index >= 0, index < rows.count else { return }
        select(index, pageSize: pageSize)
    }

    /// Selects the row with `id` if it is loaded; returns whether it was.
    @discardableResult
    public mutating func select(id: ID, pageSize: Int) -> Bool {
        guard let index = rows.firstIndex(where: { $0.id == id }) else { return false }
        select(index, pageSize: pageSize)
        return true
    }

    /// The first visible row index that keeps the selection on screen in `height` rows.
    public func effectiveScrollTop(height: Int) -> Int {
        Self.scrollTop(current: scrollTop, selected: selectedIndex, count: rows.count, height: height)
    }

    // MARK: - Internals

    private mutating func move(by delta: Int, pageSize: Int) -> PageRequest<ID>? {
        guard let current = selectedIndex else { return nil }
        select(current + delta, pageSize: pageSize)
        return prefetch(pageSize: pageSize)
    }

    private mutating func select(_ index: Int, pageSize: Int) {
        guard !rows.isEmpty else {
            selectedIndex = nil
            scrollTop = 0
            return
        }
        selectedIndex = min(max(0, index), rows.count - 1)
        scrollTop = Self.scrollTop(current: scrollTop, selected: selectedIndex, count: rows.count, height: pageSize)
    }

    /// Asks for more rows when the selection comes within a page of a window edge.
    private mutating func prefetch(pageSize: Int) -> PageRequest<ID>? {
        guard pending == nil, let selected = selectedIndex else { return nil }
        if hasMoreAfter, rows.count - 1 - selected < pageSize, let last = rows.last {
            return request(PageRequest(.after(last.id), limit: fetchSize(pageSize), query: query))
        }
        if hasMoreBefore, selected < pageSize, let first = rows.first {
            return request(PageRequest(.before(first.id), limit: fetchSize(pageSize), query: query))
        }
        return nil
    }

    private mutating func request(_ request: PageRequest<ID>) -> PageRequest<ID> {
        pending = request
        return request
    }

    private func fetchSize(_ pageSize: Int) -> Int {
        min(windowLimit / 2, max(1, pageSize) * 2)
    }

    private mutating func replace(with page: RowPage<ID>, select index: Int) {
        rows = page.rows
        hasMoreBefore = page.hasMoreBefore
        hasMoreAfter = page.hasMoreAfter
        selectedIndex = rows.isEmpty ? nil : min(max(0, index), rows.count - 1)
        // The view height is not known here; rendering and the next move keep the selection visible.
        scrollTop = 0
    }

    private mutating func trimFront() {
        let excess = rows.count - windowLimit
        guard excess > 0 else { return }
        let drop = min(excess, selectedIndex ?? excess, scrollTop)
        guard drop > 0 else { return }
        rows.removeFirst(drop)
        hasMoreBefore = true
        selectedIndex = selectedIndex.map { $0 - drop }
        scrollTop -= drop
    }

    private mutating func trimBack() {
        let excess = rows.count - windowLimit
        guard excess > 0 else { return }
        let keepThrough = max(selectedIndex ?? 0, scrollTop)
        let drop = min(excess, rows.count - 1 - keepThrough)
        guard drop > 0 else { return }
        rows.removeLast(drop)
        hasMoreAfter = true
    }

    static func scrollTop(current: Int, selected: Int?, count: Int, height: Int) -> Int {
        let h = max(1, height)
        var top = min(current, max(0, count - h))
        if let selected {
            if selected < top { top = selected }
            if selected >= top + h { top = selected - h + 1 }
        }
        return max(0, top)
    }
}
