import TerminalUI

/// Sample data shared by widget and screen tests.
enum Fixtures {
    static let objectColumns = [
        TableColumn("Key", width: .flexible(min: 16, weight: 3)),
        TableColumn("Size", width: .fixed(10), alignment: .right),
        TableColumn("Storage class", width: .flexible(min: 12, weight: 1)),
        TableColumn("Last modified", width: .fixed(19)),
    ]

    static let objects: [TableRow<String>] = [
        ("data/2024/01/sales.csv", Int64(1_572_864), "STANDARD", "2024-01-03 09:12:44"),
        ("data/2024/02/sales.csv", Int64(2_411_520), "STANDARD", "2024-02-01 10:00:01"),
        ("images/logo.png", Int64(48_213), "STANDARD", "2023-11-20 16:45:00"),
        ("images/写真/東京タワー.jpg", Int64(3_145_728), "STANDARD_IA", "2024-03-14 08:30:12"),
        ("reports/q1 summary 📈.pdf", Int64(734_003), "GLACIER", "2024-04-02 12:00:00"),
        ("README.md", Int64(912), "STANDARD", "2023-10-01 00:00:00"),
        ("scripts/etl.py", Int64(4_096), "STANDARD", "2024-01-15 14:22:10"),
        ("very/deeply/nested/path/that/goes/on/and/on/and/on/file.parquet", Int64(987_654_321), "INTELLIGENT_TIERING",
         "2024-05-30 23:59:59"),
    ].map { TableRow(id: $0.0, cells: [$0.0, Formatting.bytes($0.1), $0.2, $0.3]) }

    static func objectTable(selecting index: Int = 1, marked: [String] = [], filter: String = "") -> TableState<String> {
        let source = InMemoryRowSource(rows: objects)
        var state = TableState<String>()
        let request = state.setFilter(filter, pageSize: 20)
        state.receive(source.page(request), for: request)
        for _ in 0..<index { _ = state.apply(.down, pageSize: 20) }
        for id in marked where state.select(id: id, pageSize: 20) { _ = state.apply(.toggleMark, pageSize: 20) }
        if !marked.isEmpty { _ = state.select(id: objects[index].id, pageSize: 20) }
        return state
    }
}
