/// Runs a compiled query over events handed to it one at a time, then over the rows they made.
struct InsightsScan {
    let query: InsightsQuery
    let cap: Int
    /// The event being looked at; the caller fills its fields, `add` does the rest.
    var record: InsightsRecord
    var bytes = 0
    private var scanned = 0
    private var matched = 0
    private var rows: [InsightsRecord] = []
    private var aggregation: InsightsAggregation?
    /// Without stats, sort or dedup, events arrive newest first, so the first `cap` matches are the answer.
    private let stopAfter: Int?

    init(query: InsightsQuery, cap: Int) {
        self.query = query
        self.cap = cap
        record = InsightsRecord(slots: Array(repeating: .missing, count: query.eventSlots))
        aggregation = query.stats.map(InsightsAggregation.init)
        var stop: Int? = query.stats == nil ? cap : nil
        for step in query.rowSteps {
            switch step {
            case .limit(let count): stop = stop.map { min($0, count) }
            case .assign: break
            case .sort, .dedup, .filter: stop = nil
            }
        }
        stopAfter = stop
    }

    /// Takes the event in `record`; true once no further event can change the answer.
    mutating func add() -> Bool {
        scanned += 1
        for slot in record.slots.indices { record.slots[slot] = .missing }
        for step in query.eventSteps {
            switch step {
            case .filter(let condition): if !record.evaluate(condition).truthy { return false }
            case .assign(let slot, let expression): record.slots[slot] = record.evaluate(expression)
            case .parse(let source, let extraction): record.extract(source, extraction)
            }
        }
        matched += 1
        if aggregation != nil {
            aggregation?.add(record)
            return false
        }
        rows.append(record)
        return stopAfter.map { rows.count >= $0 } ?? false
    }

    func result() -> InsightsResult {
        var rows = aggregation.map { aggregation in
            aggregation.rows().map { row in
                var padded = row
                padded.slots += Array(repeating: .missing, count: max(0, query.rowSlots - row.slots.count))
                return padded
            }
        } ?? self.rows
        for step in query.rowSteps {
            switch step {
            case .sort(let keys):
                rows = rows.enumerated().map { offset, row in (keys.map { row.evaluate($0.expression) }, offset, row) }
                    .sorted { left, right in
                        for (offset, key) in keys.enumerated() {
                            let order = InsightsValue.order(left.0[offset], right.0[offset])
                            if order != 0 { return key.descending ? order > 0 : order < 0 }
                        }
                        return left.1 < right.1
                    }
                    .map(\.2)
            case .limit(let count): rows = Array(rows.prefix(count))
            case .dedup(let keys):
                var seen: Set<[InsightsValue]> = []
                rows = rows.filter { row in seen.insert(keys.map(row.evaluate)).inserted }
            case .filter(let condition): rows = rows.filter { $0.evaluate(condition).truthy }
            case .assign(let slot, let expression):
                rows = rows.map { row in
                    var changed = row
                    changed.slots[slot] = row.evaluate(expression)
                    return changed
                }
            }
        }
        let table = rows.prefix(cap).map { row in query.columns.map { row.value($0.field).text } }
        return InsightsResult(columns: query.columns.map(\.name), rows: Array(table), recordsMatched: matched,
                              recordsScanned: scanned, bytesScanned: bytes)
    }
}
