import Foundation
import NIOCore

/// A response body on its way from the engine thread that reads it (blocking, inside one read transaction, so a
/// concurrent overwrite never mixes two versions) to the connection (async). It holds at most a few chunks: the
/// engine thread waits while the client reads slowly, and stops (the sender throws) when the client goes away.
final class ResponseBodyChannel: @unchecked Sendable {
    static let capacity = 4

    struct ClientGone: Error {}
    struct Aborted: Error {}

    private let condition = NSCondition()
    private var queue: [ByteBuffer] = []
    private var finished = false
    private var aborted = false
    private var cancelled = false
    private var waitingReader: CheckedContinuation<ByteBuffer?, any Error>?
    private let idleTimeout: TimeInterval

    /// `idleTimeout`: how long the engine thread waits for a client that stopped reading before giving up.
    init(idleTimeout: TimeInterval = EndpointServer.idleTimeout) {
        self.idleTimeout = idleTimeout
    }

    // MARK: The engine's side

    /// Sends bytes; waits while the channel is full; throws when the client went away.
    func send(_ bytes: UnsafeRawBufferPointer) throws {
        var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        condition.lock()
        while queue.count >= Self.capacity && !cancelled {
            if !condition.wait(until: Date().addingTimeInterval(idleTimeout)) && queue.count >= Self.capacity { cancelled = true }
        }
        if cancelled {
            condition.unlock()
            throw ClientGone()
        }
        if let reader = waitingReader {
            waitingReader = nil
            condition.unlock()
            reader.resume(returning: buffer)
            return
        }
        queue.append(buffer)
        condition.unlock()
    }

    /// The body is complete.
    func finish() { end(aborting: false) }

    /// The body cannot be completed (an error after the head was sent): the connection is closed mid-body, as S3
    /// does, so the client sees a short read instead of a truncated object it believes whole.
    func abort() { end(aborting: true) }

    private func end(aborting: Bool) {
        condition.lock()
        finished = true
        aborted = aborting
        let reader = waitingReader
        waitingReader = nil
        condition.unlock()
        if aborting { reader?.resume(throwing: Aborted()) } else { reader?.resume(returning: nil) }
    }

    // MARK: The connection's side

    /// The next buffer; nil at the end. Throws when the engine aborted the body.
    func next() async throws -> ByteBuffer? {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            if !queue.isEmpty {
                let buffer = queue.removeFirst()
                condition.signal()
                condition.unlock()
                continuation.resume(returning: buffer)
            } else if finished {
                let aborted = aborted
                condition.unlock()
                if aborted { continuation.resume(throwing: Aborted()) } else { continuation.resume(returning: nil) }
            } else {
                waitingReader = continuation
                condition.unlock()
            }
        }
    }

    /// The client went away: the engine thread's next `send` throws.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
