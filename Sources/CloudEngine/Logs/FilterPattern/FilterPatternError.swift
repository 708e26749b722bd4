/// The InvalidParameterException a bad filter pattern gets, naming where it went wrong.
enum FilterPatternError {
    static func at(_ position: Int, _ problem: String) -> EngineError {
        EngineError.invalidLogParameter("Invalid filter pattern: \(problem) (at position \(position)).")
    }

    static func unexpected(_ token: FilterToken, expected: String) -> EngineError {
        at(token.position, "expected \(expected) but found \(token.described)")
    }
}
