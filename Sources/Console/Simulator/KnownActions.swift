import IAMPolicy
import Foundation

/// Completing the simulator's action field from the actions Overcast's engine authorizes (`IAMActionCatalog`).
/// Any `service:Action` can still be typed: these are the ones whose answer the engine would act on.
enum KnownActions {
    /// The engine's actions (`IAMActionCatalog`, the one list), sorted as the completion shows them.
    static let all: [String] = IAMActionCatalog.all.sorted { $0.lowercased() < $1.lowercased() }

    private static let lowered = Set(all.map { $0.lowercased() })

    /// Whether the engine ever asks about `action` (case-insensitive, as IAM compares actions).
    static func isKnown(_ action: String) -> Bool { lowered.contains(action.lowercased()) }

    /// The known actions starting with `typed` (case-insensitive); empty when nothing is typed.
    static func completions(for typed: String) -> [String] {
        let wanted = typed.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return [] }
        return all.filter { $0.lowercased().hasPrefix(wanted) && $0.lowercased() != wanted }
    }

    /// The comma-separated entry being typed at the end of `text`.
    static func lastEntry(of text: String) -> String {
        String(text.split(separator: ",", omittingEmptySubsequences: false).last ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// `text` with its last entry replaced by `action`.
    static func completing(_ text: String, with action: String) -> String {
        var entries = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if entries.isEmpty { entries = [""] }
        entries[entries.count - 1] = action
        return entries.joined(separator: ", ")
    }

    /// The longest prefix the candidates share (what Tab fills in when several fit).
    static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.lowercased().hasPrefix(prefix.lowercased()) { prefix.removeLast() }
        }
        return prefix
    }
}
