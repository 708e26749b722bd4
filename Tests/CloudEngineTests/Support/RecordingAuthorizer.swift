import Foundation
import GRDB
@testable import CloudEngine

/// An authorizer that records every request it is asked and denies the actions it is told to.
final class RecordingAuthorizer: Authorizer, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [AuthorizationRequest] = []
    private let denied: Set<String>

    /// Denies the actions in `deny` to every caller but the root; allows everything else.
    init(deny: Set<String> = []) {
        self.denied = deny
    }

    var requests: [AuthorizationRequest] { lock.withLock { recorded } }

    /// The `action resource` pairs asked for, in order.
    var asked: [String] { requests.map { "\($0.action) \($0.resource)" } }

    func reset() { lock.withLock { recorded.removeAll() } }

    func authorize(_ request: AuthorizationRequest, account: AccountInfo, db: Database) throws {
        lock.withLock { recorded.append(request) }
        if denied.contains(request.action) && !request.caller.isRoot {
            throw EngineError.accessDenied(
                principalARN: request.caller.arn(accountID: account.accountID), action: request.action,
                resource: request.resource, reason: "the test denies it")
        }
    }
}

/// A thread-safe box for values collected by callbacks.
final class Collected<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Value] = []
    func append(_ value: Value) { lock.withLock { items.append(value) } }
    var values: [Value] { lock.withLock { items } }
}
