import Foundation

extension EngineError {
    /// AWS's AccessDenied, worded as AWS words it: who, what, on which resource, and why.
    public static func accessDenied(principalARN: String, action: String, resource: String, reason: String) -> EngineError {
        EngineError(
            code: "AccessDenied", httpStatus: 403,
            message: "User: \(principalARN) is not authorized to perform: \(action) on resource: \"\(resource)\" because \(reason)",
            resource: resource)
    }

    /// A request parameter that is out of range or malformed.
    public static func invalidArgument(_ message: String, resource: String? = nil) -> EngineError {
        EngineError(code: "InvalidArgument", httpStatus: 400, message: message, resource: resource)
    }

    /// AWS's generic validation failure (IAM, Lambda and Logs use this code).
    public static func validation(_ message: String) -> EngineError {
        EngineError(code: "ValidationException", httpStatus: 400, message: message)
    }

    /// Something inside the engine failed (the database, the file system); the message says what.
    public static func internalError(_ message: String) -> EngineError {
        EngineError(code: "InternalError", httpStatus: 500, message: message)
    }
}
