import Foundation
import TerminalUI

/// How severe a log line says it is, read from the ways programs write it: Lambda's tab format
/// (`[ERROR]\t…` from Python, `…\tERROR\t…` from Node), Python logging (`WARNING:root:…`), a plain word
/// at the start (`ERROR …`, `Traceback …`), or a JSON `"level"` field.
public enum LogLevel: Int, Sendable, Hashable, Comparable {
    case debug, info, warn, error

    public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }

    var role: StyleRole {
        switch self {
        case .debug: .logDebug
        case .info: .logInfo
        case .warn: .logWarn
        case .error: .logError
        }
    }

    /// The level a message states, or nil when it states none.
    public static func of(_ message: String) -> LogLevel? {
        let head = message.prefix(200)
        if head.hasPrefix("Traceback") { return .error }
        if head.first == "{" { return jsonLevel(head) }
        // The first few fields of Lambda's tab format, or the first word of a plain line.
        for field in head.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: true).prefix(3) {
            if let level = word(field) { return level }
        }
        return nil
    }

    /// `ERROR`, `[ERROR]`, `ERROR:root:…`, `WARNING: …`: a level word at the start of a field.
    private static func word(_ field: Substring) -> LogLevel? {
        var text = field.drop { $0 == " " }
        if text.first == "[" { text = text.dropFirst() }
        let name = text.prefix { $0.isLetter }
        guard name.count >= 4, name.count <= 8 else { return nil }
        let next = text.dropFirst(name.count).first
        guard next == nil || next == "]" || next == ":" || next == " " else { return nil }
        return named(String(name))
    }

    private static func named(_ name: String) -> LogLevel? {
        switch name {
        case "ERROR", "CRITICAL", "FATAL", "SEVERE", "PANIC": .error
        case "WARN", "WARNING": .warn
        case "INFO", "NOTICE": .info
        case "DEBUG", "TRACE": .debug
        default: nil
        }
    }

    /// The value of a `"level"` (or `"levelname"`, `"severity"`) field near the start of a JSON message, any case.
    private static func jsonLevel(_ head: Substring) -> LogLevel? {
        for key in ["\"level\"", "\"levelname\"", "\"severity\"", "\"log.level\""] {
            guard let found = head.range(of: key) else { continue }
            let rest = head[found.upperBound...].drop { $0 == " " || $0 == ":" }
            guard rest.first == "\"" else { continue }
            let value = rest.dropFirst().prefix { $0 != "\"" }
            return named(value.uppercased())
        }
        return nil
    }
}
