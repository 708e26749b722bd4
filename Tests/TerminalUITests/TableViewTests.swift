import Testing
import TerminalUI
import ScreenTesting

@Suite struct TableViewTests {
    func render(_ view: TableView<String>, width: Int = 80, height: Int = 10) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: Size(width: width, height: height))
        buffer.render(view, in: buffer.bounds)
        return buffer
    }

    @Test func selectionAndMarks() {
        let state = Fixtures.objectTable(selecting: 2, marked: ["README.md", "scripts/etl.py"])
        assertScreen(render(TableView(state: state, columns: Fixtures.objectColumns, showMarks: true)), roles: true)
    }

    @Test func sortedWithFilterHighlight() {
        var state = Fixtures.objectTable(filter: "sales")
        let source = InMemoryRowSource(rows: Fixtures.objects)
        let request = state.sort(byColumn: 1, pageSize: 20)
        state.receive(source.page(request), for: request)
        assertScreen(render(TableView(state: state, columns: Fixtures.objectColumns, focused: false), height: 4),
                     roles: true)
    }

    @Test func narrowHidesRightmostColumns() {
        let state = Fixtures.objectTable(selecting: 3)
        assertScreen(render(TableView(state: state, columns: Fixtures.objectColumns), width: 40, height: 6))
    }

    @Test func scrolledShowsIndicators() {
        var state = Fixtures.objectTable()
        for _ in 0..<5 { _ = state.apply(.down, pageSize: 4) }
        assertScreen(render(TableView(state: state, columns: Fixtures.objectColumns), height: 5), roles: true)
    }

    @Test func emptyLoadingAndNoMatch() {
        var buffer = ScreenBuffer(size: Size(width: 50, height: 6))
        let columns = [TableColumn("Name")]
        buffer.render(TableView(state: TableState<Int>(), columns: columns), in: buffer.bounds.row(0).inset(bottom: -1))
        buffer.render(TableView(state: TableState<Int>(rows: []), columns: columns,
                                emptyMessage: "No buckets yet. Press n to create one."),
                      in: Rect(x: 0, y: 2, width: 50, height: 2))
        buffer.render(TableView(state: Fixtures.objectTable(filter: "zzz"), columns: columns),
                      in: Rect(x: 0, y: 4, width: 50, height: 2))
        assertScreen(buffer)
    }
}
