/// Building the XML S3 answers with: escaping text and elements, one way.
enum XMLText {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8"?>"#

    /// `text` safe inside an element or an attribute.
    static func escaped(_ text: String) -> String {
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
}
