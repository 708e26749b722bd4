import Foundation

/// Writes an invocation's log lines to `/aws/lambda/NAME` as the execution role's session, as Lambda
/// does: the group and stream are created when missing, and when the role may not do any of it the
/// lines are dropped without a word (the function has run all the same).
struct FunctionLogWriter {
    let logs: LogsService
    let account: Account

    func write(_ lines: [WorkerLogLine], group: String, stream: String, as caller: Caller) {
        let events = Self.events(lines)
        guard !events.isEmpty else { return }
        do {
            try ensureStream(group: group, stream: stream, caller: caller)
            for batch in Self.batches(events) {
                try logs.putLogEvents(group: group, stream: stream, events: batch, caller: caller)
            }
        } catch {
            // AccessDenied (the role lacks logs:*), or the group was deleted meanwhile: Lambda is silent.
        }
    }

    private func ensureStream(group: String, stream: String, caller: Caller) throws {
        let (groupExists, streamExists) = try account.read { db in
            (try logs.groupExists(group, db), try logs.streamExists(group, stream, db))
        }
        if streamExists { return }
        if !groupExists {
            do { try logs.createLogGroup(group, caller: caller) } catch let error as EngineError where error.code == "ResourceAlreadyExistsException" {}
        }
        do { try logs.createLogStream(group: group, stream: stream, caller: caller) } catch let error as EngineError where error.code == "ResourceAlreadyExistsException" {}
    }

    /// Lines as events: millisecond timestamps made non-decreasing (the worker's lines and the platform's
    /// come from two clocks, and PutLogEvents wants chronological order), empty lines dropped,
    /// oversized ones cut to what one event may hold.
    static func events(_ lines: [WorkerLogLine]) -> [InputLogEvent] {
        var events: [InputLogEvent] = []
        events.reserveCapacity(lines.count)
        var last = Int64.min
        let maxMessage = LogsService.maxEventBytes - LogsService.eventOverhead
        for line in lines where !line.message.isEmpty {
            let timestamp = max(last, Int64((line.timestamp.timeIntervalSince1970 * 1000).rounded(.down)))
            last = timestamp
            var message = line.message
            if message.utf8.count > maxMessage {
                message = String(decoding: Array(message.utf8.prefix(maxMessage)), as: UTF8.self)
                while message.utf8.count > maxMessage { message.removeLast() }
            }
            events.append(InputLogEvent(timestamp: timestamp, message: message))
        }
        return events
    }

    /// Splits events into PutLogEvents batches: at most 10,000 events and 1 MiB (messages plus 26 bytes each).
    static func batches(_ events: [InputLogEvent]) -> [[InputLogEvent]] {
        var batches: [[InputLogEvent]] = []
        var current: [InputLogEvent] = []
        var bytes = 0
        for event in events {
            let size = event.message.utf8.count + LogsService.eventOverhead
            if !current.isEmpty && (current.count >= LogsService.maxBatchCount || bytes + size > LogsService.maxBatchBytes) {
                batches.append(current)
                current = []
                bytes = 0
            }
            current.append(event)
            bytes += size
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }
}
