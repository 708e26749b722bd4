/// The running state of one `stats` aggregate for one group, updated as events are scanned so memory grows
/// with the groups, not the events (except `pct` and `count_distinct`, which keep their values).
struct InsightsAccumulator: Sendable {
    private var count = 0
    private var sum = 0.0
    private var least: InsightsValue = .missing
    private var most: InsightsValue = .missing
    private var values: [Double] = []
    private var distinct: Set<InsightsValue> = []

    mutating func add(_ value: InsightsValue, _ kind: InsightsAggregate.Kind) {
        switch kind {
        case .count:
            if !value.isMissing { count += 1 }
        case .sum, .avg:
            guard let number = value.number else { return }
            count += 1
            sum += number
        case .min:
            if !value.isMissing, least.isMissing || InsightsValue.order(value, least) < 0 { least = value }
        case .max:
            if !value.isMissing, most.isMissing || InsightsValue.order(value, most) > 0 { most = value }
        case .pct:
            if let number = value.number { values.append(number) }
        case .countDistinct:
            if !value.isMissing { distinct.insert(value) }
        }
    }

    mutating func addEvent() { count += 1 }

    func result(_ aggregate: InsightsAggregate) -> InsightsValue {
        switch aggregate.kind {
        case .count: return .number(Double(count))
        case .sum: return count == 0 ? .missing : .number(sum)
        case .avg: return count == 0 ? .missing : .number(sum / Double(count))
        case .min: return least
        case .max: return most
        case .countDistinct: return .number(Double(distinct.count))
        case .pct:
            guard !values.isEmpty else { return .missing }
            // Nearest rank: the smallest value at or above the percentile of the values.
            let sorted = values.sorted()
            let rank = Int((aggregate.percentile / 100 * Double(sorted.count)).rounded(.up))
            return .number(sorted[max(0, min(sorted.count - 1, rank - 1))])
        }
    }
}

/// `stats` as it scans: the groups in the order they first appear, each with its aggregates' state.
struct InsightsAggregation {
    let stats: InsightsStats
    private var groups: [[InsightsValue]: Int] = [:]
    private var keys: [[InsightsValue]] = []
    private var states: [[InsightsAccumulator]] = []
    private var key: [InsightsValue] = []

    init(_ stats: InsightsStats) { self.stats = stats }

    mutating func add(_ record: InsightsRecord) {
        key.removeAll(keepingCapacity: true)
        for entry in stats.keys { key.append(record.evaluate(entry.expression)) }
        let group: Int
        if let found = groups[key] {
            group = found
        } else {
            group = keys.count
            groups[key] = group
            keys.append(key)
            states.append(Array(repeating: InsightsAccumulator(), count: stats.aggregates.count))
        }
        for (offset, entry) in stats.aggregates.enumerated() {
            if let argument = entry.aggregate.argument {
                states[group][offset].add(record.evaluate(argument), entry.aggregate.kind)
            } else {
                states[group][offset].addEvent()
            }
        }
    }

    /// One row per group: its keys, then its aggregates.
    func rows() -> [InsightsRecord] {
        zip(keys, states).map { key, state in
            InsightsRecord(slots: key + zip(stats.aggregates, state).map { $1.result($0.aggregate) })
        }
    }
}
