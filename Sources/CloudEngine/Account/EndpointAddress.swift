import Foundation

/// The URL of the endpoint serving an account in this process (`http://127.0.0.1:4747`), or nil.
public final class EndpointAddress: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    private var trouble: String?

    public init() {}

    public var url: String? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }

    /// Why the endpoint is not serving ("port 4747 is in use"), when it tried and could not.
    public var problem: String? {
        get { lock.withLock { trouble } }
        set { lock.withLock { trouble = newValue } }
    }
}
