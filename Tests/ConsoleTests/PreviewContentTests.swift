@testable import Console
import Foundation
import Testing
import TerminalUI

@Suite("Preview content")
struct PreviewContentTests {
    func make(_ text: String, key: String, type: String = "application/octet-stream", total: Int64? = nil) -> PreviewContent {
        let data = Data(text.utf8)
        return PreviewContent.make(data: data, key: key, contentType: type, totalBytes: total ?? Int64(data.count))
    }

    func plain(_ line: [TextSpan]) -> String { line.map(\.text).joined() }

    @Test("JSON is pretty-printed in the file's own key order, numbers as written")
    func json() {
        let content = make(#"{"b":[1,2.50,{}],"a":"x, \"y\": {z}"}"#, key: "doc.json", type: "application/json")
        #expect(content.kind == .json)
        #expect(content.lines.map(plain) == ["{", "  \"b\": [", "    1,", "    2.50,", "    {}", "  ],",
                                             "  \"a\": \"x, \\\"y\\\": {z}\"", "}"])
        #expect(content.lines[1].contains { $0.role == .jsonKey })
    }

    @Test("CSV becomes aligned columns with a header rule, quotes respected")
    func csv() {
        let content = make("name,qty\napple,3\n\"pear, green\",12\n", key: "f.csv", type: "text/csv")
        #expect(content.kind == .csv)
        #expect(content.lines.map(plain) == ["name        │ qty", "────────────┼────", "apple       │ 3  ",
                                             "pear, green │ 12 "])
    }

    @Test("Bytes with NULs are shown as hex with offsets and ASCII")
    func binary() {
        let content = PreviewContent.make(data: Data([0x48, 0x69, 0x00, 0xFF]), key: "x.bin",
                                          contentType: "application/octet-stream", totalBytes: 4)
        #expect(content.kind == .binary)
        #expect(plain(content.lines[0]) == "00000000  48 69 00 ff" + String(repeating: " ", count: 38) + "|Hi..|")
    }

    @Test("A big object is previewed from its first part and says so")
    func truncated() {
        let content = make("line\n", key: "log.txt", total: 10_000_000)
        #expect(content.isTruncated)
        #expect(content.kind == .text)
    }

    @Test("Truncated JSON falls back to text rather than failing")
    func truncatedJSON() {
        let content = make(#"{"a": [1, 2"#, key: "big.json", type: "application/json", total: 1_000_000)
        #expect(content.kind == .text)
    }
}
