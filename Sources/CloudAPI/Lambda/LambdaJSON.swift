import CloudEngine
import Foundation

/// A Lambda request's JSON body, read member by member; a member of the wrong type is Lambda's
/// InvalidParameterValueException naming it, a body that is not a JSON object InvalidRequestContentException.
struct LambdaJSON {
    let object: [String: JSONValue]

    init(_ body: Data) throws {
        if body.isEmpty {
            object = [:]
            return
        }
        guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: body), case .object(let object) = parsed else {
            throw EngineError(code: "InvalidRequestContentException", httpStatus: 400,
                              message: "Could not parse request body into json: the body is not a JSON object")
        }
        self.object = object
    }

    init(object: [String: JSONValue]) {
        self.object = object
    }

    private func member(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    func string(_ key: String) throws -> String? {
        guard let value = member(key) else { return nil }
        guard case .string(let text) = value else { throw Self.wrongType(key, "a string") }
        return text
    }

    func requiredString(_ key: String) throws -> String {
        guard let text = try string(key) else {
            throw EngineError.invalidParameterValue("\(key) is required.")
        }
        return text
    }

    func int(_ key: String) throws -> Int? {
        guard let value = member(key) else { return nil }
        guard case .number(let number) = value, let int = Int(exactly: number) else { throw Self.wrongType(key, "an integer") }
        return int
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = member(key) else { return nil }
        guard case .bool(let flag) = value else { throw Self.wrongType(key, "true or false") }
        return flag
    }

    func strings(_ key: String) throws -> [String]? {
        guard let value = member(key) else { return nil }
        guard case .array(let list) = value else { throw Self.wrongType(key, "a list of strings") }
        return try list.map { item in
            guard case .string(let text) = item else { throw Self.wrongType(key, "a list of strings") }
            return text
        }
    }

    func nested(_ key: String) throws -> LambdaJSON? {
        guard let value = member(key) else { return nil }
        guard case .object(let inner) = value else { throw Self.wrongType(key, "an object") }
        return LambdaJSON(object: inner)
    }

    /// A map of strings (`Environment.Variables`).
    func stringMap(_ key: String) throws -> [String: String]? {
        guard let inner = try nested(key) else { return nil }
        var map: [String: String] = [:]
        for name in inner.object.keys {
            guard case .string(let text) = inner.object[name] else { throw Self.wrongType(key, "a map of strings") }
            map[name] = text
        }
        return map
    }

    /// The member as compact JSON text (a `Cors` object kept as given).
    func text(_ key: String) throws -> String? {
        guard let value = member(key) else { return nil }
        let data = try JSONEncoder().encode(value)
        return String(decoding: data, as: UTF8.self)
    }

    private static func wrongType(_ key: String, _ expected: String) -> EngineError {
        EngineError.invalidParameterValue("\(key) must be \(expected).")
    }

    // MARK: - Answers

    /// A JSON answer (keys sorted, so answers are stable).
    static func response(_ object: Any, status: Int = 200, requestID: String) -> APIResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return APIResponse(status: status, headers: [("Content-Type", "application/json"), ("x-amzn-RequestId", requestID)],
                           body: data)
    }

    static func empty(status: Int = 204, requestID: String) -> APIResponse {
        APIResponse(status: status, headers: [("x-amzn-RequestId", requestID)])
    }
}
