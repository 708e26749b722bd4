import Foundation

/// Hands a response to the waiting connection once: early (a streamed answer's head, while the engine thread
/// goes on producing its body) or when the handler returns, whichever comes first.
final class EarlyResponder: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<APIResponse, Never>?

    init(_ continuation: CheckedContinuation<APIResponse, Never>) {
        self.continuation = continuation
    }

    /// Sends `response` unless one was sent already; true when this one went.
    @discardableResult
    func send(_ response: APIResponse) -> Bool {
        lock.lock()
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume(returning: response)
        return waiting != nil
    }
}
