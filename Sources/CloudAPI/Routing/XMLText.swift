/// Building the XML the endpoint answers with (S3's REST answers, the query protocol's IAM and STS answers):
/// escaping text and elements, one way.
enum XMLText {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#

    /// `text` safe inside an element or an attribute.
    static func escaped(_ text: String) -> String {
        // Most text (keys, ids, dates) has nothing to escape: no copy, no walk by Character.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `<name>escaped text</name>`.
    static func element(_ name: String, _ text: String) -> String {
        "<\(name)>\(escaped(text))</\(name)>"
    }

    /// `<name>escaped text</name>`, or nothing when there is no text: an optional member left out.
    static func element(_ name: String, _ text: String?) -> String {
        text.map { element(name, $0) } ?? ""
    }

    /// `<name>children</name>`, where `children` is XML already.
    static func wrapped(_ name: String, _ children: String) -> String {
        "<\(name)>\(children)</\(name)>"
    }

    /// A list as the query protocol writes it: `<name><member>…</member>…</name>`.
    static func members<Item>(_ name: String, _ items: [Item], _ render: (Item) -> String) -> String {
        wrapped(name, items.map { wrapped("member", render($0)) }.joined())
    }
}
