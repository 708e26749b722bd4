import CloudEngine
import Foundation
import TerminalUI

/// The group and stream lists: rows from what was loaded, narrowed by the `/` name filter.
enum LogGroupsLists {
    // MARK: - Groups

    static func groupRow(_ group: LogGroupSummary) -> TableRow<String> {
        TableRow(id: group.name, cells: [
            group.name, RetentionChoice.label(group.group.retentionInDays), time(group.lastEventTime),
            Formatting.bytes(group.group.storedBytes),
        ])
    }

    static func rebuildGroups(_ s: inout ConsoleState) {
        let pageSize = ConsoleLayout(s).tablePageSize
        let old = s.logGroups.table
        var table = TableState<String>(rows: [])
        let request = table.setFilter(old.query.filter, pageSize: pageSize)
        s.logGroups.table = table
        answerGroups(&s, request)
        if let id = old.selectedID { s.logGroups.table.select(id: id, pageSize: pageSize) }
    }

    static func answerGroups(_ s: inout ConsoleState, _ request: PageRequest<String>) {
        let filter = s.logGroups.table.query.filter
        let rows = s.logGroups.groups.filter { matches($0.name, filter) }.map(groupRow)
        s.logGroups.table.receive(page(rows, request), for: request)
    }

    // MARK: - Streams

    /// The "all streams" row, first whatever the filter: the group's events interleaved.
    static func allStreamsRow(_ streams: [LogStream]) -> TableRow<String> {
        TableRow(id: LogStreamsState.allStreamsID, cells: [
            "⁂ All streams, interleaved by time", time(streams.compactMap(\.lastEventTimestamp).max()),
            time(streams.compactMap(\.firstEventTimestamp).min()),
        ])
    }

    static func streamRow(_ stream: LogStream) -> TableRow<String> {
        TableRow(id: stream.name, cells: [stream.name, time(stream.lastEventTimestamp), time(stream.firstEventTimestamp)])
    }

    static func rebuildStreams(_ s: inout ConsoleState) {
        guard let old = s.logGroups.streams?.table else { return }
        let pageSize = ConsoleLayout(s).tablePageSize
        var table = TableState<String>(rows: [])
        let request = table.setFilter(old.query.filter, pageSize: pageSize)
        s.logGroups.streams?.table = table
        answerStreams(&s, request)
        if let id = old.selectedID { s.logGroups.streams?.table.select(id: id, pageSize: pageSize) }
    }

    static func answerStreams(_ s: inout ConsoleState, _ request: PageRequest<String>) {
        guard let streams = s.logGroups.streams else { return }
        let filter = streams.table.query.filter
        let rows = streams.streams.isEmpty ? [] : [allStreamsRow(streams.streams)]
            + streams.streams.filter { matches($0.name, filter) }.map(streamRow)
        s.logGroups.streams?.table.receive(page(rows, request), for: request)
    }

    // MARK: - Helpers

    /// All of `rows` (already filtered here, so the "all streams" row stays) for the table's request.
    private static func page(_ rows: [TableRow<String>], _ request: PageRequest<String>) -> RowPage<String> {
        var query = request.query
        query.filter = ""
        return InMemoryRowSource(rows: rows).page(PageRequest(request.position, limit: Int.max / 2, query: query))
    }

    /// A part of the name, any case, as the AWS console's search box.
    static func matches(_ name: String, _ filter: String) -> Bool {
        filter.isEmpty || name.range(of: filter, options: .caseInsensitive) != nil
    }

    /// A time as the console shows it, or "—" when there is none.
    static func time(_ milliseconds: Int64?) -> String {
        milliseconds.map { ConsoleFormat.dateTime(Date(timeIntervalSince1970: Double($0) / 1000)) } ?? "—"
    }
}
