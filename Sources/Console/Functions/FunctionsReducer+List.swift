import CloudEngine
import Foundation
import TerminalUI

/// The function list: rows from the loaded functions, kept filtered and selected as they reload.
extension FunctionsReducer {
    static func row(_ function: FunctionConfiguration, latest: InvocationRecord?) -> TableRow<String> {
        let last: String
        if let latest {
            last = "\(latest.status.rawValue) · \(ConsoleFormat.dateTime(latest.startedAt))"
        } else {
            last = "never invoked"
        }
        let role: StyleRole? = latest.flatMap(\.status.styleRole)
        return TableRow(id: function.functionName, cells: [
            function.functionName, function.runtime, "\(function.memorySize) MB", "\(function.timeout) s",
            last, ConsoleFormat.dateTime(function.lastModified),
        ], role: role)
    }

    static func rebuildTable(_ s: inout ConsoleState) {
        let pageSize = ConsoleLayout(s).tablePageSize
        let old = s.functions.table
        var table = TableState<String>(rows: [])
        let request = table.setFilter(old.query.filter, pageSize: pageSize)
        table.receive(source(s).page(PageRequest(request.position, limit: Int.max / 2, query: request.query)), for: request)
        if let id = old.selectedID { table.select(id: id, pageSize: pageSize) }
        s.functions.table = table
    }

    static func answerTable(_ s: inout ConsoleState, _ request: PageRequest<String>) {
        s.functions.table.receive(source(s).page(PageRequest(request.position, limit: Int.max / 2, query: request.query)),
                                  for: request)
    }

    static func source(_ s: ConsoleState) -> InMemoryRowSource<String> {
        InMemoryRowSource(rows: s.functions.functions.map { row($0, latest: s.functions.latest[$0.functionName]) })
    }
}
