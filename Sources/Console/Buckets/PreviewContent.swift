import Foundation
import TerminalUI

/// The first part of an object, turned into lines to read: text, pretty JSON, a CSV table, or hex.
///
/// Built off the UI thread from at most `PreviewContent.readLimit` bytes,
/// so a preview of a 1 GiB object reads 64 KiB and renders instantly.
public struct PreviewContent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case text = "Text"
        case json = "JSON"
        case csv = "CSV"
        case binary = "Binary (hex)"
    }

    /// How much of an object a preview reads.
    public static let readLimit = 64 * 1024

    public var kind: Kind
    public var lines: [[TextSpan]]
    /// Whether each line gets a line number (text and JSON; not CSV or hex, which carry their own).
    public var numbered: Bool
    public var shownBytes: Int
    public var totalBytes: Int64
    public var contentType: String

    public var isTruncated: Bool { Int64(shownBytes) < totalBytes }

    /// Decides the kind from the content type, the key and the bytes, and lays out the lines.
    public static func make(data: Data, key: String, contentType: String, totalBytes: Int64) -> PreviewContent {
        let lower = key.lowercased()
        let truncated = Int64(data.count) < totalBytes
        func content(_ kind: Kind, _ lines: [[TextSpan]], numbered: Bool) -> PreviewContent {
            PreviewContent(kind: kind, lines: lines, numbered: numbered, shownBytes: data.count,
                           totalBytes: totalBytes, contentType: contentType)
        }
        guard let text = decodeText(data, truncated: truncated) else {
            return content(.binary, hexLines(data), numbered: false)
        }
        let looksJSON = contentType.contains("json") || lower.hasSuffix(".json")
        if looksJSON, !truncated, let pretty = prettyJSON(data) {
            return content(.json, pretty, numbered: true)
        }
        let looksCSV = contentType.contains("csv") || lower.hasSuffix(".csv") || lower.hasSuffix(".tsv")
            || contentType.contains("tab-separated")
        if looksCSV {
            let separator: Character = lower.hasSuffix(".tsv") || contentType.contains("tab-separated") ? "\t" : ","
            return content(.csv, csvLines(text, separator: separator), numbered: false)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            [TextSpan(String(line.hasSuffix("\r") ? line.dropLast() : line))]
        }
        return content(.text, text.hasSuffix("\n") ? Array(lines.dropLast()) : lines, numbered: true)
    }

    /// UTF-8 text without NULs, or nil for binary. A multi-byte character cut by the read limit is dropped.
    static func decodeText(_ data: Data, truncated: Bool) -> String? {
        if data.contains(0) { return nil }
        var bytes = data
        if truncated {
            // Drop a partial UTF-8 sequence at the end (at most 3 bytes).
            for cut in 0...3 where bytes.count >= cut {
                if let text = String(data: bytes.dropLast(cut), encoding: .utf8) { return text }
            }
            return nil
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return String(data: bytes, encoding: .utf8)
    }

    // MARK: - JSON

    static func prettyJSON(_ data: Data) -> [[TextSpan]]? {
        guard let source = String(data: data, encoding: .utf8), let text = JSONLayout.pretty(source) else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { highlightJSONLine(String($0)) }
    }

    /// Colours one pretty-printed JSON line: keys, strings, numbers and punctuation.
    static func highlightJSONLine(_ line: String) -> [TextSpan] {
        var spans: [TextSpan] = []
        var rest = Substring(line)
        let indent = rest.prefix { $0 == " " }
        if !indent.isEmpty { spans.append(TextSpan(String(indent))) }
        rest = rest.dropFirst(indent.count)
        while let first = rest.first {
            if first == "\"" {
                var end = rest.index(after: rest.startIndex)
                var escaped = false
                while end < rest.endIndex {
                    let c = rest[end]
                    if c == "\"" && !escaped { break }
                    escaped = c == "\\" && !escaped
                    end = rest.index(after: end)
                }
                let stop = end < rest.endIndex ? rest.index(after: end) : end
                let token = String(rest[..<stop])
                rest = rest[stop...]
                let isKey = rest.drop { $0 == " " }.first == ":"
                spans.append(TextSpan(token, role: isKey ? .jsonKey : .syntaxString))
            } else if "{}[],:".contains(first) {
                spans.append(TextSpan(String(first), role: .syntaxPunctuation))
                rest = rest.dropFirst()
            } else if first == " " {
                spans.append(TextSpan(" "))
                rest = rest.dropFirst()
            } else {
                let token = rest.prefix { !",]} ".contains($0) }
                let role: StyleRole = ["true", "false", "null"].contains(String(token)) ? .syntaxKeyword : .syntaxNumber
                spans.append(TextSpan(String(token), role: role))
                rest = rest.dropFirst(max(1, token.count))
            }
        }
        return spans
    }

    // MARK: - CSV

    /// Rows of a CSV as aligned columns (each at most 24 cells wide), the header row highlighted.
    static func csvLines(_ text: String, separator: Character) -> [[TextSpan]] {
        let records = parseCSV(text, separator: separator).prefix(2000)
        guard !records.isEmpty else { return [] }
        let columns = records.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for record in records {
            for (index, field) in record.enumerated() { widths[index] = min(24, max(widths[index], field.displayWidth)) }
        }
        var lines: [[TextSpan]] = []
        for (row, record) in records.enumerated() {
            var spans: [TextSpan] = []
            for index in 0..<columns {
                let field = index < record.count ? record[index] : ""
                let cell = field.truncated(toWidth: widths[index]).padded(toWidth: widths[index])
                if index > 0 { spans.append(TextSpan(" │ ", role: .dim)) }
                spans.append(TextSpan(cell, role: row == 0 ? .header : .normal))
            }
            lines.append(spans)
            if row == 0 {
                let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
                lines.append([TextSpan(rule, role: .dim)])
            }
        }
        return lines
    }

    /// RFC 4180 fields: quotes, doubled quotes, separators and newlines inside quotes.
    static func parseCSV(_ text: String, separator: Character) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == separator {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }

    // MARK: - Hex

    /// `00000000  48 65 6c 6c 6f 0a …  |Hello.|`, 16 bytes a line.
    static func hexLines(_ data: Data) -> [[TextSpan]] {
        let digits = Array("0123456789abcdef")
        let bytes = [UInt8](data)
        var lines: [[TextSpan]] = []
        lines.reserveCapacity(bytes.count / 16 + 1)
        var offset = 0
        while offset < bytes.count {
            let chunk = bytes[offset..<min(bytes.count, offset + 16)]
            var address = ""
            for shift in stride(from: 28, through: 0, by: -4) { address.append(digits[(offset >> shift) & 0xF]) }
            var hex = ""
            for (index, byte) in chunk.enumerated() {
                if index == 8 { hex.append(" ") }
                hex.append(digits[Int(byte >> 4)])
                hex.append(digits[Int(byte & 0xF)])
                hex.append(" ")
            }
            let ascii = String(chunk.map { (0x20..<0x7F).contains($0) ? Character(Unicode.Scalar($0)) : "." })
            lines.append([TextSpan(address, role: .dim), TextSpan("  " + hex.padded(toWidth: 49)),
                          TextSpan("|" + ascii + "|", role: .syntaxString)])
            offset += 16
        }
        return lines
    }
}
