import Foundation

/// Lambda's errors, with Lambda's codes, HTTP statuses and wording.
extension EngineError {
    /// ResourceNotFoundException (404).
    public static func lambdaNotFound(_ message: String, resource: String? = nil) -> EngineError {
        EngineError(code: "ResourceNotFoundException", httpStatus: 404, message: message, resource: resource)
    }

    /// `Function not found: arn:...` as Lambda words it.
    static func functionNotFound(_ arn: String) -> EngineError {
        lambdaNotFound("Function not found: \(arn)", resource: arn)
    }

    /// ResourceConflictException (409).
    public static func resourceConflict(_ message: String, resource: String? = nil) -> EngineError {
        EngineError(code: "ResourceConflictException", httpStatus: 409, message: message, resource: resource)
    }

    /// InvalidParameterValueException (400).
    public static func invalidParameterValue(_ message: String, resource: String? = nil) -> EngineError {
        EngineError(code: "InvalidParameterValueException", httpStatus: 400, message: message, resource: resource)
    }

    /// CodeStorageExceededException (400): the account's code storage quota is used up.
    public static func codeStorageExceeded(_ message: String) -> EngineError {
        EngineError(code: "CodeStorageExceededException", httpStatus: 400, message: message)
    }

    /// PolicyLengthExceededException (400): a function policy over 20 KB.
    public static func policyLengthExceeded(_ message: String, resource: String? = nil) -> EngineError {
        EngineError(code: "PolicyLengthExceededException", httpStatus: 400, message: message, resource: resource)
    }

    /// TooManyRequestsException (429): the runtime's concurrency cap was reached.
    public static func tooManyRequests(_ message: String = "Rate Exceeded.", resource: String? = nil) -> EngineError {
        EngineError(code: "TooManyRequestsException", httpStatus: 429, message: message, resource: resource)
    }

    /// ServiceException (500): Lambda itself failed.
    public static func lambdaService(_ message: String) -> EngineError {
        EngineError(code: "ServiceException", httpStatus: 500, message: message)
    }

    /// RequestTooLargeException (413): a deployment package over the direct-upload limit.
    public static func requestTooLarge(_ message: String) -> EngineError {
        EngineError(code: "RequestTooLargeException", httpStatus: 413, message: message)
    }

    /// Lambda's ValidationException for members that break the API model's constraints:
    /// `1 validation error detected: Value 'x' at 'functionName' failed to satisfy constraint: ...`.
    /// A nil value is not repeated (Lambda hides sensitive members such as environment variables).
    static func lambdaValidation(_ failures: [(member: String, value: String?, constraint: String)]) -> EngineError {
        let count = failures.count
        let clauses = failures.map { failure in
            let value = failure.value.map { "Value '\($0)' at" } ?? "Value at"
            return "\(value) '\(failure.member)' failed to satisfy constraint: \(failure.constraint)"
        }
        return EngineError(code: "ValidationException", httpStatus: 400,
                           message: "\(count) validation error\(count == 1 ? "" : "s") detected: " + clauses.joined(separator: "; "))
    }
}
