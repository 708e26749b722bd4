/// A JSON selector of a filter pattern: `$.a.b`, `$.list[0].id`, `$[1]`.
struct JSONPath: Sendable, Equatable {
    enum Step: Sendable, Equatable {
        case key([UInt8])
        case index(Int)
    }

    let steps: [Step]

    init(_ text: String, position: Int) throws {
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "$" else { throw FilterPatternError.at(position, "a JSON selector must start with '$'") }
        var steps: [Step] = []
        var index = 1
        func bad(_ problem: String) -> EngineError { FilterPatternError.at(position + index, "\(problem) in the selector \(text)") }
        while index < scalars.count {
            switch scalars[index] {
            case ".":
                var end = index + 1
                while end < scalars.count && scalars[end] != "." && scalars[end] != "[" { end += 1 }
                guard end > index + 1 else { throw bad("a property name is missing") }
                steps.append(.key(Array(String(String.UnicodeScalarView(scalars[(index + 1)..<end])).utf8)))
                index = end
            case "[":
                guard let close = scalars[index...].firstIndex(of: "]"),
                      let number = Int(String(String.UnicodeScalarView(scalars[(index + 1)..<close]))), number >= 0 else {
                    throw bad("an array index must be a number in brackets, like [0],")
                }
                steps.append(.index(number))
                index = close + 1
            default:
                throw bad("unexpected '\(scalars[index])' (use . before a property name)")
            }
        }
        guard !steps.isEmpty else { throw FilterPatternError.at(position, "the selector $ names no property; use $.name") }
        self.steps = steps
    }
}
