import CloudEngine
import Foundation

/// The Log groups panel's engine calls, run by the effect runner off the UI thread. Results are data; the reducers
/// word them.
struct LogGroupsEffects {
    let account: Account
    let caller: Caller
    let send: @Sendable (ConsoleAction) -> Void

    /// The most streams a group's list holds (newest first), and the most matches a search marks.
    static let streamLimit = 1_000
    static let matchLimit = 20_000

    func perform(_ effect: LogGroupsEffect) {
        let logs = account.logs
        func answer(_ action: LogGroupsAction) { send(.logGroups(action)) }
        do {
            switch effect {
            case .listGroups:
                do {
                    answer(.groupsLoaded(try logs.logGroupSummaries(caller: caller)))
                } catch {
                    answer(.groupsLoadFailed(ConsoleError(error)))
                }
            case .listStreams(let group):
                do {
                    let (streams, truncated) = try listStreams(group)
                    answer(.streamsLoaded(group: group, streams, truncated: truncated))
                } catch {
                    answer(.streamsLoadFailed(group: group, ConsoleError(error)))
                }
            case .loadEvents(let source, let request):
                do {
                    answer(.eventsLoaded(source, request, try page(source, request)))
                } catch {
                    answer(.eventsLoadFailed(source, ConsoleError(error)))
                }
            case .matchEvents(let source, let pattern, let start, let end):
                do {
                    let (ids, complete) = try matches(source, pattern: pattern, start: start, end: end)
                    answer(.matchesFound(source, pattern: pattern, ids, complete: complete))
                } catch {
                    answer(.matchFailed(source, pattern: pattern, ConsoleError(error)))
                }
            case .deleteGroup(let group):
                try logs.deleteLogGroup(group, caller: caller)
                answer(.groupDeleted(group))
            case .deleteStream(let group, let stream):
                try logs.deleteLogStream(group: group, stream: stream, caller: caller)
                answer(.streamDeleted(group: group, stream: stream))
            case .setRetention(let group, let days):
                if let days {
                    try logs.putRetentionPolicy(group: group, days: days, caller: caller)
                } else {
                    try logs.deleteRetentionPolicy(group: group, caller: caller)
                }
                answer(.retentionSet(group: group, days: days))
            }
        } catch {
            answer(.actionFailed(ConsoleError(error)))
        }
    }

    /// DescribeLogStreams newest first, page after page, up to `streamLimit`.
    private func listStreams(_ group: String) throws -> ([LogStream], Bool) {
        var streams: [LogStream] = []
        var token: String?
        repeat {
            let page = try account.logs.describeLogStreams(group: group, orderBy: .lastEventTime, descending: true,
                                                           nextToken: token, caller: caller)
            streams += page.items
            token = page.nextToken
        } while token != nil && streams.count < Self.streamLimit
        return (streams, token != nil)
    }

    /// GetLogEvents for a stream, or its interleaved form for a whole group.
    private func page(_ source: LogEventsSource, _ request: LogEventsPageRequest) throws -> LogEventsPage {
        var token: String?
        var start: Int64?
        var fromHead = false
        switch request {
        case .newest: break
        case .older(let older): token = older
        case .newer(let newer): token = newer
        case .from(let time):
            start = time
            fromHead = true
        }
        let limit = LogEventsState.pageSize
        guard let stream = source.stream else {
            return try account.logs.getGroupLogEvents(group: source.group, startTime: start, nextToken: token, limit: limit,
                                                      startFromHead: fromHead, caller: caller)
        }
        return try account.logs.getLogEvents(group: source.group, stream: stream, startTime: start, nextToken: token,
                                             limit: limit, startFromHead: fromHead, caller: caller)
    }

    /// FilterLogEvents over `start`...`end`, page after page: the ids of the events the pattern matched.
    private func matches(_ source: LogEventsSource, pattern: String, start: Int64, end: Int64) throws -> (Set<Int64>, Bool) {
        var ids: Set<Int64> = []
        var token: String?
        repeat {
            let page = try account.logs.filterLogEvents(group: source.group, streams: source.stream.map { .names([$0]) } ?? .all,
                                                        startTime: start, endTime: end, filterPattern: pattern,
                                                        nextToken: token, caller: caller)
            ids.formUnion(page.events.compactMap { Int64($0.eventId) })
            token = page.nextToken
        } while token != nil && ids.count < Self.matchLimit
        return (ids, token == nil)
    }
}
