import CloudEngine
import Foundation

/// Who sent a request: its SigV4 signature checked against the account's keys (users', role sessions', the root's).
struct RequestAuthenticator: Sendable {
    let account: Account

    struct Authenticated {
        var caller: Caller
        /// The payload, decoded from aws-chunked when it came so.
        var body: Data
    }

    struct Failure: Error {
        var code: String
        var message: String
        var status: Int
    }

    func authenticate(_ request: APIRequest) -> Result<Authenticated, Failure> {
        .failure(Failure(code: "AccessDenied", message: "Request signing is not wired in yet.", status: 403))
    }
}
