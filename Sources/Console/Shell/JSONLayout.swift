import Foundation

/// Re-indents JSON text two spaces a level, keeping its key order and number spelling, as the AWS console shows it.
enum JSONLayout {
    /// The pretty form of `text`, or nil when it is not valid JSON.
    static func pretty(_ text: String) -> String? {
        guard let data = text.data(using: .utf8),
              (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil else { return nil }
        var output = ""
        var depth = 0
        var inString = false
        var escaped = false
        let scalars = Array(text.unicodeScalars)
        func newline() {
            output.append("\n")
            output.append(String(repeating: "  ", count: depth))
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if inString {
                output.unicodeScalars.append(scalar)
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                }
                continue
            }
            switch scalar {
            case "\"":
                inString = true
                output.unicodeScalars.append(scalar)
            case "{", "[":
                // An empty object or array stays on one line.
                var next = index
                while next < scalars.count, isSpace(scalars[next]) { next += 1 }
                if next < scalars.count, scalars[next] == (scalar == "{" ? "}" : "]") {
                    output.append(scalar == "{" ? "{}" : "[]")
                    index = next + 1
                } else {
                    output.unicodeScalars.append(scalar)
                    depth += 1
                    newline()
                }
            case "}", "]":
                depth = max(0, depth - 1)
                newline()
                output.unicodeScalars.append(scalar)
            case ",":
                output.append(",")
                newline()
            case ":":
                output.append(": ")
            default:
                if !isSpace(scalar) { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t"
    }
}
