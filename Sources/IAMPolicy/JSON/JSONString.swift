/// JSON string literals, written the one way the project writes them.
public enum JSONString {
    /// `text` as a JSON string: quotes, backslashes and control characters escaped (`\n`, `\r`, `\t`, else `\u00XX`),
    /// everything else kept as it is (no `\/`, no escaped non-ASCII).
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
