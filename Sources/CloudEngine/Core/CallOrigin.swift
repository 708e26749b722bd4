/// Where a call came from, as the activity trail records it (CloudTrail's `sourceIPAddress`, `userAgent` and
/// invoking service).
public enum CallOrigin: Sendable, Hashable {
    /// In this process, with nothing more said (tests, one-shot CLI subcommands).
    case engine
    /// The terminal console, as the person using it.
    case console
    /// The AWS-compatible endpoint: the client's address and its `User-Agent`.
    case endpoint(clientAddress: String?, userAgent: String?)
    /// A function's own code calling back (its handler's boto3), named by the function.
    case function(name: String)
    /// An AWS service acting on its own (S3 delivering an event).
    case service(String)

    /// The kind, as stored and filtered on: engine, console, endpoint, function or service.
    public var kind: String {
        switch self {
        case .engine: return "engine"
        case .console: return "console"
        case .endpoint: return "endpoint"
        case .function: return "function"
        case .service: return "service"
        }
    }

    /// What names it within its kind: the client address, the function or the service.
    public var detail: String? {
        switch self {
        case .engine, .console: return nil
        case .endpoint(let address, _): return address
        case .function(let name): return name
        case .service(let name): return name
        }
    }

    public var userAgent: String? {
        if case .endpoint(_, let agent) = self { return agent }
        return nil
    }
}
