import CloudEngine
import Foundation

/// One query-protocol call (IAM, STS) as an action's handler sees it: the form's parameters, read as the
/// service model types them, the caller and the account.
///
/// A missing or mistyped parameter is IAM's and STS's ValidationError, worded as AWS words it
/// (`Value null at 'userName' failed to satisfy constraint: Member must not be null`).
struct QueryCall: Sendable {
    let parameters: FormParameters
    let caller: Caller
    let account: Account

    /// A parameter the operation requires.
    func required(_ name: String) throws -> String {
        guard let value = parameters.value(name) else {
            throw Self.validation(name, shown: "null", constraint: "Member must not be null")
        }
        return value
    }

    func optional(_ name: String) -> String? {
        parameters.value(name)
    }

    /// An integer parameter (`MaxItems`, `DurationSeconds`), nil when absent.
    func integer(_ name: String) throws -> Int? {
        guard let text = parameters.value(name) else { return nil }
        guard let number = Int(text) else {
            throw EngineError(code: "ValidationError", httpStatus: 400,
                              message: "Value '\(text)' for parameter \(name) is invalid. It must be a whole number.")
        }
        return number
    }

    /// A boolean parameter, written `true` or `false`; nil when absent.
    func boolean(_ name: String) throws -> Bool? {
        guard let text = parameters.value(name) else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default:
            throw EngineError(code: "ValidationError", httpStatus: 400,
                              message: "Value '\(text)' for parameter \(name) is invalid. It must be true or false.")
        }
    }

    /// A list of strings (`TagKeys.member.1`, …); empty when absent.
    func list(_ name: String) -> [String] {
        parameters.list(name)
    }

    /// A required list: refused when it has no members, as the service model's `min: 1` does.
    func requiredList(_ name: String) throws -> [String] {
        let values = parameters.list(name)
        if values.isEmpty { throw Self.validation(name, shown: "null", constraint: "Member must not be null") }
        return values
    }

    /// ValidationError for one parameter, naming it as AWS does (lowerCamelCase).
    static func validation(_ name: String, shown: String, constraint: String) -> EngineError {
        let member = name.prefix(1).lowercased() + name.dropFirst()
        return EngineError(code: "ValidationError", httpStatus: 400,
                           message: "1 validation error detected: Value \(shown) at '\(member)' failed to satisfy constraint: \(constraint)")
    }
}
