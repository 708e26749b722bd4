/// Where a compiled query reads a field: a built-in field of the event, a slot a `parse` or `fields ... as`
/// filled (after `stats`, a column of the aggregated row), or a path into a JSON message.
enum InsightsField: Sendable, Equatable {
    case timestamp, message, logStream, log, ingestionTime
    case slot(Int)
    case json(JSONPath)
    case missing
}

/// A compiled expression of `fields`, `filter`, `stats` and `sort`.
indirect enum InsightsExpression: @unchecked Sendable {
    // Regex values are immutable once built; matching them from several threads is safe.
    case field(InsightsField)
    case literal(InsightsValue)
    case compare(String, InsightsExpression, InsightsExpression)
    case and(InsightsExpression, InsightsExpression)
    case or(InsightsExpression, InsightsExpression)
    case not(InsightsExpression)
    case contains(InsightsExpression, String)
    case matches(InsightsExpression, Regex<AnyRegexOutput>)
    case member(InsightsExpression, [InsightsValue])
    case arithmetic(Character, InsightsExpression, InsightsExpression)
    case function(InsightsFunction, [InsightsExpression])
    /// `bin(5m)`: the event's time rounded down to a multiple of the period.
    case bin(Int64)
}

enum InsightsFunction: String, Sendable, CaseIterable {
    case ispresent, isempty, strlen, tolower, toupper, concat, abs, floor, ceil
}

/// One aggregate of `stats`.
struct InsightsAggregate: Sendable {
    enum Kind: String, Sendable {
        case count, sum, avg, min, max, pct
        case countDistinct = "count_distinct"
    }

    let kind: Kind
    /// nil for `count(*)`.
    let argument: InsightsExpression?
    let percentile: Double
}

/// A `stats` command: aggregates and the `by` keys, each with its column name.
struct InsightsStats: Sendable {
    var aggregates: [(name: String, aggregate: InsightsAggregate)]
    var keys: [(name: String, expression: InsightsExpression)]
}

/// How `parse` takes fields out of a value.
enum InsightsExtraction: @unchecked Sendable {
    /// A glob whose stars become the named slots in order.
    case glob(literals: [String], slots: [Int])
    /// Named groups of a regex, each into a slot.
    case regex(Regex<AnyRegexOutput>, groups: [(name: String, slot: Int)])
}

/// One command applied to each event before `stats` (or to each row after it).
enum InsightsStep: Sendable {
    case filter(InsightsExpression)
    /// `fields x as y`: computes a slot.
    case assign(Int, InsightsExpression)
    case parse(InsightsExpression, InsightsExtraction)
}

/// A command applied to the rows once they are all known.
enum InsightsRowStep: Sendable {
    case sort([(expression: InsightsExpression, descending: Bool)])
    case limit(Int)
    case dedup([InsightsExpression])
    case filter(InsightsExpression)
    case assign(Int, InsightsExpression)
}

/// A parsed and compiled query.
struct InsightsQuery: Sendable {
    /// Applied to each event in time order.
    var eventSteps: [InsightsStep] = []
    /// How many slots an event needs.
    var eventSlots = 0
    var stats: InsightsStats?
    /// After `stats`, or after the event steps when there is none.
    var rowSteps: [InsightsRowStep] = []
    /// How many slots a row after `stats` has.
    var rowSlots = 0
    /// The columns answered, in order, and where each is read.
    var columns: [(name: String, field: InsightsField)] = []
    var limit: Int?
    /// Which of an event's text columns the query reads, so a scan decodes only those.
    var usesMessage = false
    var usesStream = false
    var usesLog = false
}
