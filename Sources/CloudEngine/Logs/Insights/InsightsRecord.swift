import Foundation

/// An event as a query sees it (or, after `stats`, an aggregated row, which has only slots).
struct InsightsRecord: Sendable {
    var timestamp: Int64 = 0
    var ingestionTime: Int64 = 0
    var logStream = ""
    var log = ""
    var message = ""
    var slots: [InsightsValue]

    func value(_ field: InsightsField) -> InsightsValue {
        switch field {
        case .timestamp: return .time(timestamp)
        case .ingestionTime: return .time(ingestionTime)
        case .message: return .text(message)
        case .logStream: return .text(logStream)
        case .log: return .text(log)
        case .slot(let slot): return slots[slot]
        case .missing: return .missing
        case .json(let path): return jsonValue(path)
        }
    }

    /// A field Insights discovers in a JSON message: `level`, `a.b`. Objects and arrays have no value.
    private func jsonValue(_ path: JSONPath) -> InsightsValue {
        var message = message
        return message.withUTF8 { bytes in
            guard JSONFieldScanner.looksWhole(bytes), let found = JSONFieldScanner(bytes: bytes).value(at: path) else { return .missing }
            switch found.kind {
            case .string:
                let text = found.escaped ? JSONFieldScanner.unescaped(found.bytes) : Array(found.bytes)
                return .text(String(decoding: text, as: UTF8.self))
            // A number is read from its bytes, with no String to build: most stats read numbers.
            case .number: return found.number.map(InsightsValue.number) ?? .text(String(decoding: found.bytes, as: UTF8.self))
            case .boolTrue, .boolFalse: return .text(String(decoding: found.bytes, as: UTF8.self))
            case .null, .compound: return .missing
            }
        }
    }

    func evaluate(_ expression: InsightsExpression) -> InsightsValue {
        switch expression {
        case .field(let field): return value(field)
        case .literal(let value): return value
        case .compare(let op, let left, let right):
            let a = evaluate(left), b = evaluate(right)
            if a.isMissing || b.isMissing { return .bool(false) }
            // Text that is not a number is neither above nor below a number.
            if (a.number == nil) != (b.number == nil) && op != "=" && op != "!=" { return .bool(false) }
            let order = InsightsValue.order(a, b)
            switch op {
            case "=": return .bool(order == 0)
            case "!=": return .bool(order != 0)
            case "<": return .bool(order < 0)
            case "<=": return .bool(order <= 0)
            case ">": return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .and(let left, let right): return .bool(evaluate(left).truthy && evaluate(right).truthy)
        case .or(let left, let right): return .bool(evaluate(left).truthy || evaluate(right).truthy)
        case .not(let inner): return .bool(!evaluate(inner).truthy)
        case .contains(let inner, let part):
            guard let text = evaluate(inner).text else { return .bool(false) }
            return .bool(part.isEmpty || text.contains(part))
        case .matches(let inner, let regex):
            guard let text = evaluate(inner).text else { return .bool(false) }
            return .bool((try? regex.firstMatch(in: text)) != nil)
        case .member(let inner, let values):
            let value = evaluate(inner)
            return .bool(!value.isMissing && values.contains { InsightsValue.order(value, $0) == 0 })
        case .arithmetic(let op, let left, let right):
            guard let a = evaluate(left).number, let b = evaluate(right).number else { return .missing }
            switch op {
            case "+": return .number(a + b)
            case "-": return .number(a - b)
            case "*": return .number(a * b)
            case "/": return b == 0 ? .missing : .number(a / b)
            default: return b == 0 ? .missing : .number(a.truncatingRemainder(dividingBy: b))
            }
        case .bin(let period):
            return .time(timestamp - ((timestamp % period) + period) % period)
        case .function(let function, let arguments):
            return call(function, arguments.map(evaluate))
        }
    }

    private func call(_ function: InsightsFunction, _ values: [InsightsValue]) -> InsightsValue {
        let first = values.first ?? .missing
        switch function {
        case .ispresent: return .bool(!first.isMissing)
        case .isempty: return .bool(first.isMissing || first.text == "")
        case .strlen: return first.text.map { InsightsValue.number(Double($0.count)) } ?? .missing
        case .tolower: return first.text.map { InsightsValue.text($0.lowercased()) } ?? .missing
        case .toupper: return first.text.map { InsightsValue.text($0.uppercased()) } ?? .missing
        case .concat: return .text(values.compactMap(\.text).joined())
        case .abs: return first.number.map { InsightsValue.number(Swift.abs($0)) } ?? .missing
        case .floor: return first.number.map { InsightsValue.number($0.rounded(.down)) } ?? .missing
        case .ceil: return first.number.map { InsightsValue.number($0.rounded(.up)) } ?? .missing
        }
    }

    /// Runs `parse`: fills the slots from the value, or leaves them missing when the pattern does not match.
    mutating func extract(_ source: InsightsExpression, _ extraction: InsightsExtraction) {
        let text = evaluate(source).text
        switch extraction {
        case .glob(let literals, let slots):
            let found = text.flatMap { Self.glob($0, literals) }
            for (offset, slot) in slots.enumerated() { setSlot(slot, found.map { InsightsValue.text($0[offset]) } ?? .missing) }
        case .regex(let regex, let groups):
            let match = text.flatMap { try? regex.firstMatch(in: $0) }
            for group in groups {
                let captured = match?.output[group.name]?.substring.map { InsightsValue.text(String($0)) }
                setSlot(group.slot, captured ?? .missing)
            }
        }
    }

    private mutating func setSlot(_ slot: Int, _ value: InsightsValue) { slots[slot] = value }

    /// The text each `*` stands for: the glob is found anywhere in the text, each star taking the least it can
    /// up to the next literal, and a final star the rest.
    static func glob(_ text: String, _ literals: [String]) -> [String]? {
        guard let first = literals.first else { return nil }
        var position = text.startIndex
        if !first.isEmpty {
            guard let found = text.range(of: first) else { return nil }
            position = found.upperBound
        }
        var captures: [String] = []
        for literal in literals.dropFirst() {
            if literal.isEmpty {
                captures.append(String(text[position...]))
                position = text.endIndex
                continue
            }
            guard let found = text.range(of: literal, range: position..<text.endIndex) else { return nil }
            captures.append(String(text[position..<found.lowerBound]))
            position = found.upperBound
        }
        return captures
    }
}
