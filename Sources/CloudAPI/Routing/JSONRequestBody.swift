import Foundation

/// A request body problem, in the JSON services' words (CloudWatch Logs, CloudTrail): JSON that does not parse or has a member of the wrong
/// type is a SerializationException; a missing required member an InvalidParameterException.
struct JSONRequestError: Error {
    let code: String
    let message: String
}

/// A JSON 1.1 request body, decoded into an operation's input shape.
struct JSONRequestBody {
    let data: Data

    init(_ data: Data) {
        self.data = data.isEmpty ? Data("{}".utf8) : data
    }

    func decode<Input: Decodable>(_ type: Input.Type) throws -> Input {
        do {
            return try JSONDecoder().decode(Input.self, from: data)
        } catch DecodingError.keyNotFound(let key, let context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw JSONRequestError(code: "InvalidParameterException",
                                   message: "1 validation error detected: Value null at '\(path)' failed to satisfy constraint: Member must not be null")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw JSONRequestError(code: "SerializationException",
                                   message: "The value of '\(path)' has the wrong type: \(context.debugDescription)")
        } catch {
            throw JSONRequestError(code: "SerializationException", message: "The request body is not valid JSON.")
        }
    }
}
