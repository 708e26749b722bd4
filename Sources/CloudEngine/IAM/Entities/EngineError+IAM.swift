import Foundation
import IAMPolicy

/// IAM's errors, with IAM's codes, HTTP statuses and wording, and a hint of what to do next.
extension EngineError {
    /// EntityAlreadyExists (409): a user, group, role or policy of that name is already there.
    public static func entityAlreadyExists(_ message: String, resource: String? = nil) -> EngineError {
        EngineError(code: "EntityAlreadyExists", httpStatus: 409, message: message, resource: resource)
    }

    /// NoSuchEntity (404).
    public static func noSuchEntity(_ message: String, resource: String? = nil) -> EngineError {
        EngineError(code: "NoSuchEntity", httpStatus: 404, message: message, resource: resource)
    }

    /// DeleteConflict (409): the entity still has things that must go first.
    public static func deleteConflict(_ message: String, resource: String? = nil) -> EngineError {
        EngineError(code: "DeleteConflict", httpStatus: 409, message: message, resource: resource)
    }

    /// LimitExceeded (409): an IAM quota.
    public static func limitExceeded(_ message: String, resource: String? = nil) -> EngineError {
        EngineError(code: "LimitExceeded", httpStatus: 409, message: message, resource: resource)
    }

    /// A policy document over IAM's length limits: ValidationError (400) past the API's
    /// maximum, LimitExceeded (409) past a quota, worded by `PolicyTooLarge`.
    static func policyTooLarge(_ error: PolicyTooLarge) -> EngineError {
        switch error.limit {
        case .apiMaximum: return EngineError(code: error.code, httpStatus: 400, message: error.message)
        case .managedPolicy, .roleTrustPolicy: return .limitExceeded(error.message)
        case .inlinePolicies(_, let name): return .limitExceeded(error.message, resource: name)
        }
    }

    /// InvalidInput (400).
    public static func invalidInput(_ message: String) -> EngineError {
        EngineError(code: "InvalidInput", httpStatus: 400, message: message)
    }

    /// MalformedPolicyDocument (400), with the parser's problem and its line and column.
    public static func malformedPolicyDocument(_ error: MalformedPolicyDocument) -> EngineError {
        EngineError(code: MalformedPolicyDocument.code, httpStatus: 400, message: error.message)
    }

    /// IAM's and STS's ValidationError (400) for parameters that break the API's constraints.
    ///
    /// Worded as AWS words it, `1 validation error detected: Value 'x' at 'userName'
    /// failed to satisfy constraint: Member must ...`, one clause per failed constraint.
    static func iamValidation(_ failures: [ParameterViolation]) -> EngineError {
        let count = failures.count
        let clauses = failures.map { failure in
            "Value \(failure.shownValue) at '\(failure.member)' failed to satisfy constraint: \(failure.constraint)"
        }
        let message = "\(count) validation error\(count == 1 ? "" : "s") detected: " + clauses.joined(separator: "; ")
        return EngineError(code: "ValidationError", httpStatus: 400, message: message)
    }

    /// ValidationError (400) with a message of its own (STS uses these for rules that are not API constraints).
    static func iamValidation(_ message: String) -> EngineError {
        EngineError(code: "ValidationError", httpStatus: 400, message: message)
    }
}

/// One parameter that failed one of the API's constraints.
struct ParameterViolation: Sendable, Equatable {
    /// The parameter as AWS names it in messages, lowerCamelCase: `userName`, `path`.
    var member: String
    /// The offending value, quoted as AWS quotes it.
    var shownValue: String
    /// `Member must ...`, what the value must satisfy.
    var constraint: String

    init(member: String, value: String, constraint: String) {
        self.member = member
        self.shownValue = "'\(value)'"
        self.constraint = constraint
    }

    init(member: String, number: Int, constraint: String) {
        self.member = member
        self.shownValue = "'\(number)'"
        self.constraint = constraint
    }
}
