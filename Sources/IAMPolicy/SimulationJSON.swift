/// Writes simulation results as the JSON the aws CLI prints for SimulateCustomPolicy.
///
/// Hand-written so fields keep IAM's order (JSONSerialization sorts or
/// scrambles them) and the output reads like the CLI's.
enum SimulationJSON {
    indirect enum Value {
        case object([(String, Value)])
        case array([Value])
        case string(String)
        case int(Int)
    }

    static func render(_ results: [PolicySimulator.Result]) -> String {
        let document = Value.object([("EvaluationResults", .array(results.map(result)))])
        var output = ""
        write(document, indent: 0, into: &output)
        return output + "\n"
    }

    private static func result(_ result: PolicySimulator.Result) -> Value {
        .object([
            ("EvalActionName", .string(result.action)),
            ("EvalResourceName", .string(result.resource)),
            ("EvalDecision", .string(result.decision.outcome.rawValue)),
            ("MatchedStatements", .array(result.decision.matchedStatements.map(statement))),
            ("MissingContextValues", .array(result.missingContextValues.map(Value.string))),
        ])
    }

    /// IAM reports statement positions one column to the right of the braces
    /// (the aws CLI's SimulateCustomPolicy example: a statement whose `{` is in
    /// column 37 and `}` in column 166 is reported as 38 and 167).
    private static func statement(_ matched: MatchedStatement) -> Value {
        .object([
            ("SourcePolicyId", .string(matched.policyName)),
            ("SourcePolicyType", .string(matched.source == .resource ? "Resource Policy" : "IAM Policy")),
            ("StartPosition", .object([("Line", .int(matched.start.line)), ("Column", .int(matched.start.column + 1))])),
            ("EndPosition", .object([("Line", .int(matched.end.line)), ("Column", .int(matched.end.column + 1))])),
        ])
    }

    private static func write(_ value: Value, indent: Int, into output: inout String) {
        let pad = String(repeating: " ", count: indent + 4)
        let closePad = String(repeating: " ", count: indent)
        switch value {
        case .string(let text):
            output += JSONString.quoted(text)
        case .int(let number):
            output += String(number)
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (offset, element) in elements.enumerated() {
                output += pad
                write(element, indent: indent + 4, into: &output)
                output += offset == elements.count - 1 ? "\n" : ",\n"
            }
            output += closePad + "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (offset, member) in members.enumerated() {
                output += pad + JSONString.quoted(member.0) + ": "
                write(member.1, indent: indent + 4, into: &output)
                output += offset == members.count - 1 ? "\n" : ",\n"
            }
            output += closePad + "}"
        }
    }
}
