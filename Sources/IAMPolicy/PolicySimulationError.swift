/// Why a policy simulation could not run, with the AWS error code and a message to act on.
public struct PolicySimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `InvalidInput`, as SimulateCustomPolicy returns for bad arguments and bad policies;
    /// `ValidationError` for a policy text longer than the API takes.
    public var code: String
    public var message: String

    public init(code: String = "InvalidInput", message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    static func malformed(_ input: String, _ error: MalformedPolicyDocument) -> PolicySimulationError {
        PolicySimulationError(message: "\(input) is not a valid policy: \(error.message)")
    }
}
