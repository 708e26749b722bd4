import Foundation
import IAMPolicy

/// An error a caller of the engine can reach, shaped like the AWS error it stands for.
///
/// Every front end (console, HTTP endpoint, function runtime) shows the same
/// code and message, so a learner reads what AWS would have said and what to do.
public struct EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The AWS error code, e.g. `NoSuchBucket` or `AccessDenied`.
    public let code: String
    /// The HTTP status AWS answers with for this error.
    public let httpStatus: Int
    /// A sentence a person can act on.
    public let message: String
    /// The resource the error is about (bucket name, key, ARN), when there is one.
    public let resource: String?

    /// Control characters in `message` (an object key, a path, a name the user typed) are escaped here, once
    /// for every front end, so no message can move a terminal's cursor or retitle its window.
    public init(code: String, httpStatus: Int, message: String, resource: String? = nil) {
        self.code = code
        self.httpStatus = httpStatus
        self.message = JSONString.escapingControlCharacters(message)
        self.resource = resource
    }

    public var description: String { "\(code): \(message)" }
}

extension EngineError: LocalizedError {
    public var errorDescription: String? { description }
}
