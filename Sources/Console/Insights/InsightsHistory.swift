import Foundation

/// The queries run, newest first and each once, and where ↑/↓ in the editor stand among them.
///
/// Walking up from the editor keeps what was being typed (`draft`) and gives it back when ↓ walks past the
/// newest entry, as a shell's history does.
public struct InsightsHistory: Sendable, Equatable {
    /// As many as are kept, in memory and in the file.
    public static let limit = 100

    public private(set) var entries: [String] = []
    /// The entry shown in the editor while walking; nil when the editor holds the person's own text.
    public private(set) var position: Int?
    private var draft = ""

    public init(entries: [String] = []) {
        self.entries = Self.cleaned(entries)
    }

    /// Puts `query` first (moving it up if it was there already) and stops walking.
    public mutating func record(_ query: String) {
        entries = Self.cleaned([query] + entries)
        position = nil
    }

    /// Adds what an earlier session kept after this session's own entries.
    public mutating func merge(older: [String]) {
        entries = Self.cleaned(entries + older)
    }

    /// The older entry (↑) for an editor holding `current`; nil when there is none. A walk starts past an entry
    /// equal to what the editor holds (the query just run), so the first ↑ always changes something.
    public mutating func older(than current: String) -> String? {
        var next = position.map { $0 + 1 } ?? 0
        if position == nil, entries.first == current.trimmingCharacters(in: .whitespaces) { next = 1 }
        guard entries.indices.contains(next) else { return nil }
        if position == nil { draft = current }
        position = next
        return entries[next]
    }

    /// The newer entry (↓), or the draft once past the newest; nil when not walking.
    public mutating func newer() -> String? {
        guard let position else { return nil }
        if position == 0 || (position == 1 && entries[0] == draft.trimmingCharacters(in: .whitespaces)) {
            self.position = nil
            return draft
        }
        self.position = position - 1
        return entries[position - 1]
    }

    /// The person typed: the editor's text is theirs again.
    public mutating func stopWalking() {
        position = nil
    }

    /// Trimmed, without blanks or repeats (the first occurrence stays), at most `limit`.
    static func cleaned(_ queries: [String]) -> [String] {
        var seen: Set<String> = []
        var kept: [String] = []
        for query in queries {
            let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, seen.insert(trimmed).inserted else { continue }
            kept.append(trimmed)
            if kept.count == limit { break }
        }
        return kept
    }
}

/// The history's file: one query a line, newest first, under the XDG state folder.
public enum InsightsHistoryFile {
    /// `$XDG_STATE_HOME/overcast/insights-history`, else `~/.local/state/overcast/insights-history`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return (state as NSString).appendingPathComponent("overcast/insights-history")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/state/overcast/insights-history")
    }

    /// The kept queries; a missing or unreadable file is an empty history (never an error to show).
    public static func read(_ path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        return InsightsHistory.cleaned(text.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.contains("\u{FFFD}") })
    }

    /// Replaces the file with `entries`, making its folder first.
    public static func write(_ entries: [String], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = InsightsHistory.cleaned(entries).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
