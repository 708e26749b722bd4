/// The log group selector, as the AWS console's: every group listed, Space ticks or unticks the one under the
/// cursor, Enter keeps the ticked ones (at least one, at most 50), Esc leaves the selection as it was.
public struct InsightsGroupPicker: Sendable, Equatable {
    public var groups: [String]
    public var chosen: Set<String>
    public var cursor = 0
    /// Why Enter was refused (nothing ticked, or too many).
    public var problem: String?

    public init(groups: [String], chosen: [String]) {
        self.groups = groups
        self.chosen = Set(chosen).intersection(groups)
        cursor = groups.firstIndex { self.chosen.contains($0) } ?? 0
    }

    mutating func move(by delta: Int) {
        guard !groups.isEmpty else { return }
        cursor = min(max(0, cursor + delta), groups.count - 1)
    }

    mutating func toggle() {
        guard groups.indices.contains(cursor) else { return }
        let group = groups[cursor]
        if chosen.remove(group) == nil { chosen.insert(group) }
        problem = nil
    }

    /// Ticks every group (the first 50), or unticks them all when all are ticked.
    mutating func toggleAll() {
        let all = Set(groups.prefix(InsightsState.maxGroups))
        chosen = chosen == all ? [] : all
        problem = nil
    }

    /// The ticked groups in list order, or why they cannot be kept.
    var selection: Result<[String], InsightsInputProblem> {
        let picked = groups.filter(chosen.contains)
        if picked.isEmpty { return .failure(InsightsInputProblem(message: "Tick at least one log group (Space).")) }
        if picked.count > InsightsState.maxGroups {
            return .failure(InsightsInputProblem(
                message: "A query covers at most \(InsightsState.maxGroups) log groups; \(picked.count) are ticked."))
        }
        return .success(picked)
    }
}

/// What is wrong with what was ticked or typed, as the person reads it.
struct InsightsInputProblem: Error {
    var message: String
}
