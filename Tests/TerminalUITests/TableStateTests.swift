import Testing
import TerminalUI

/// A source of a million numbered rows that computes pages on demand and counts what it served.
final class MillionRowSource: RowSource {
    let count = 1_000_000
    private(set) var rowsServed = 0
    private(set) var largestPage = 0

    func page(_ request: PageRequest<Int>) -> RowPage<Int> {
        let range: Range<Int>
        switch request.position {
        case .first: range = 0..<min(count, request.limit)
        case .last: range = max(0, count - request.limit)..<count
        case .after(let id): range = (id + 1)..<min(count, id + 1 + request.limit)
        case .before(let id): range = max(0, id - request.limit)..<id
        case .around(let id): range = max(0, id - request.limit / 2)..<min(count, id + request.limit / 2)
        }
        rowsServed += range.count
        largestPage = max(largestPage, range.count)
        return RowPage(rows: range.map { TableRow(id: $0, cells: ["key-\($0)", "\($0 * 10)"]) },
                       hasMoreBefore: range.lowerBound > 0, hasMoreAfter: range.upperBound < count)
    }
}

@Suite struct TableStateTests {
    let pageSize = 20

    /// Runs any request against the source and feeds the page back, like the console's effect loop.
    func pump(_ request: PageRequest<Int>?, _ state: inout TableState<Int>, _ source: MillionRowSource) {
        guard let request else { return }
        state.receive(source.page(request), for: request)
    }

    @Test func firstPageLoadsAScreenfulNotTheWholeSource() {
        let source = MillionRowSource()
        var state = TableState<Int>()
        pump(state.reload(pageSize: pageSize), &state, source)
        #expect(state.rows.count == 2 * pageSize)
        #expect(state.selectedID == 0)
        #expect(state.hasMoreAfter && !state.hasMoreBefore)
    }

    @Test func scrollingFarKeepsTheWindowBounded() {
        let source = MillionRowSource()
        var state = TableState<Int>(windowLimit: 120)
        pump(state.reload(pageSize: pageSize), &state, source)
        for _ in 0..<500 { pump(state.apply(.pageDown, pageSize: pageSize), &state, source) }
        #expect(state.selectedID == 500 * pageSize)
        #expect(state.rows.count <= 120 + 2 * pageSize)
        #expect(source.largestPage <= 2 * pageSize)
        #expect(state.hasMoreBefore)
        for _ in 0..<10 { pump(state.apply(.pageUp, pageSize: pageSize), &state, source) }
        #expect(state.selectedID == 490 * pageSize)
    }

    @Test func endJumpsToTheLastRowWithoutLoadingTheMiddle() {
        let source = MillionRowSource()
        var state = TableState<Int>()
        pump(state.reload(pageSize: pageSize), &state, source)
        pump(state.apply(.bottom, pageSize: pageSize), &state, source)
        #expect(state.selectedID == 999_999)
        #expect(!state.hasMoreAfter && state.hasMoreBefore)
        #expect(source.rowsServed <= 4 * pageSize)
        pump(state.apply(.top, pageSize: pageSize), &state, source)
        #expect(state.selectedID == 0)
    }

    @Test func aStalePageIsIgnored() {
        let source = MillionRowSource()
        var state = TableState<Int>()
        let first = state.reload(pageSize: pageSize)
        let second = state.setFilter("key-7", pageSize: pageSize)
        state.receive(source.page(first), for: first)
        #expect(!state.isLoaded)
        state.receive(source.page(second), for: second)
        #expect(state.isLoaded)
    }

    @Test func refreshKeepsTheSelectedRow() {
        let source = MillionRowSource()
        var state = TableState<Int>()
        pump(state.reload(pageSize: pageSize), &state, source)
        for _ in 0..<7 { pump(state.apply(.down, pageSize: pageSize), &state, source) }
        pump(state.refresh(pageSize: pageSize), &state, source)
        #expect(state.selectedID == 7)
    }

    @Test func spaceMarksAndMovesDown() {
        var state = TableState(rows: (0..<5).map { TableRow(id: $0, cells: ["\($0)"]) })
        _ = state.handle(.space, pageSize: 3)
        _ = state.handle(.space, pageSize: 3)
        #expect(state.marked == [0, 1])
        #expect(state.selectedID == 2)
        #expect(state.actionTargets == [0, 1])
        _ = state.apply(.clearMarks, pageSize: 3)
        #expect(state.actionTargets == [2])
    }

    @Test func movementStopsAtTheEnds() {
        var state = TableState(rows: (0..<3).map { TableRow(id: $0, cells: ["\($0)"]) })
        _ = state.handle("k", pageSize: 2)
        #expect(state.selectedID == 0)
        _ = state.handle(.pageDown, pageSize: 2)
        _ = state.handle("j", pageSize: 2)
        #expect(state.selectedID == 2)
        #expect(state.handle("x", pageSize: 2).handled == false)
    }

    @Test func scrollFollowsTheSelection() {
        var state = TableState(rows: (0..<30).map { TableRow(id: $0, cells: ["\($0)"]) })
        for _ in 0..<12 { _ = state.apply(.down, pageSize: 10) }
        #expect(state.scrollTop == 3)
        #expect(state.effectiveScrollTop(height: 10) == 3)
        #expect(state.effectiveScrollTop(height: 5) == 8)
    }

    @Test func inMemorySourceFiltersAndSorts() {
        let source = InMemoryRowSource(rows: [
            TableRow(id: "b", cells: ["beta", "10"]), TableRow(id: "a", cells: ["alpha", "9"]),
            TableRow(id: "c", cells: ["gamma", "100"]),
        ])
        var state = TableState<String>()
        var request = state.sort(byColumn: 1, pageSize: 10)
        state.receive(source.page(request), for: request)
        #expect(state.rows.map(\.id) == ["a", "b", "c"])
        request = state.sort(byColumn: 1, pageSize: 10)
        state.receive(source.page(request), for: request)
        #expect(state.rows.map(\.id) == ["c", "b", "a"])
        request = state.setFilter("TA", pageSize: 10)
        state.receive(source.page(request), for: request)
        #expect(state.rows.map(\.id) == ["b"])
    }

    @Test func inMemorySourcePagesByKey() {
        let source = InMemoryRowSource(rows: (0..<10).map { TableRow(id: $0, cells: ["\($0)"]) })
        #expect(source.page(PageRequest(.after(3), limit: 2)).rows.map(\.id) == [4, 5])
        #expect(source.page(PageRequest(.before(3), limit: 2)).rows.map(\.id) == [1, 2])
        #expect(source.page(PageRequest(.last, limit: 2)).rows.map(\.id) == [8, 9])
        #expect(source.page(PageRequest(.around(5), limit: 4)).rows.map(\.id) == [3, 4, 5, 6])
    }

    @Test func columnsShareSpaceAndHideWhenTooNarrow() {
        let columns: [ColumnWidth] = [.flexible(min: 10, weight: 2), .fixed(8), .flexible(min: 6, weight: 1)]
        #expect(ColumnWidth.layout(columns, total: 40) == [20, 8, 10])
        #expect(ColumnWidth.layout(columns, total: 20) == [11, 8, 0])
        #expect(ColumnWidth.layout(columns, total: 5) == [0, 0, 0])
    }
}
