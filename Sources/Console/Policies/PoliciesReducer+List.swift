import CloudEngine
import Foundation
import TerminalUI

/// The policy list: rows from the loaded policies, of the chosen type, matching the name filter.
extension PoliciesReducer {
    static func row(_ policy: IAMManagedPolicy) -> TableRow<String> {
        TableRow(id: policy.arn, cells: [
            policy.name, policy.typeTitle, String(policy.attachmentCount),
            (policy.description ?? "").replacingOccurrences(of: "\n", with: " "),
        ])
    }

    static func rebuildTable(_ s: inout ConsoleState) {
        let pageSize = ConsoleLayout(s).tablePageSize
        let old = s.policies.table
        var table = TableState<String>(rows: [])
        let request = table.setFilter(old.query.filter, pageSize: pageSize)
        s.policies.table = table
        answerTable(&s, request)
        if let id = old.selectedID { s.policies.table.select(id: id, pageSize: pageSize) }
    }

    static func answerTable(_ s: inout ConsoleState, _ request: PageRequest<String>) {
        s.policies.table.receive(source(s).page(PageRequest(request.position, limit: Int.max / 2, query: request.query)),
                                 for: request)
    }

    /// The filter matches names only (a description mentioning "Lambda" does not make a policy a Lambda policy).
    static func source(_ s: ConsoleState) -> InMemoryRowSource<String> {
        let filter = s.policies.table.query.filter
        let matching = s.policies.shownPolicies.filter {
            filter.isEmpty || $0.name.range(of: filter, options: .caseInsensitive) != nil
        }
        return InMemoryRowSource(rows: matching.map(row))
    }
}
