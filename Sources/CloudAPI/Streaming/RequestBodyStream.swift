import CloudEngine
import Foundation

/// A request body on its way from the connection (async, Hummingbird's task) to the engine thread that stores it
/// (blocking). It holds at most `limit` bytes: when full, the connection waits, so a 5 GiB upload never holds
/// more than a few MiB here. The engine side waits at most `idleTimeout` for the next bytes, then fails as S3 does
/// (RequestTimeout), so a client that stalls mid-body never pins an engine thread.
final class RequestBodyStream: @unchecked Sendable {
    /// How much the stream buffers before the connection waits.
    static let defaultLimit = 4 << 20

    private let condition = NSCondition()
    private var pieces: [Data] = []
    private var next = 0
    private var buffered = 0
    private var ended = false
    private var failure: EngineError?
    private var abandoned = false
    private var waitingProducer: CheckedContinuation<Void, Never>?
    private let limit: Int
    private let idleTimeout: TimeInterval

    init(limit: Int = RequestBodyStream.defaultLimit, idleTimeout: TimeInterval) {
        self.limit = limit
        self.idleTimeout = idleTimeout
    }

    // MARK: The connection's side

    /// Adds bytes; waits while the stream is full. False when the engine side gave up (stop sending).
    func push(_ data: Data) async -> Bool {
        let (accepted, full) = enqueue(data)
        guard accepted else { return false }
        if full {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in waitForRoom(continuation) }
        }
        return true
    }

    private func enqueue(_ data: Data) -> (accepted: Bool, full: Bool) {
        condition.lock()
        defer { condition.unlock() }
        guard !abandoned else { return (false, false) }
        pieces.append(data)
        buffered += data.count
        condition.signal()
        return (true, buffered >= limit)
    }

    private func waitForRoom(_ continuation: CheckedContinuation<Void, Never>) {
        condition.lock()
        if buffered < limit || abandoned {
            condition.unlock()
            continuation.resume()
        } else {
            waitingProducer = continuation
            condition.unlock()
        }
    }

    /// Whether the connection delivered the whole body.
    var isComplete: Bool {
        condition.lock()
        defer { condition.unlock() }
        return ended
    }

    /// The body ended as the connection delivered it.
    func finish() {
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    /// The connection failed before the body ended (the client went away).
    func fail(_ error: EngineError) {
        condition.lock()
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    // MARK: The engine's side

    /// Up to `maxCount` bytes; empty at the end of the body. Throws the connection's failure, or RequestTimeout.
    func read(maxCount: Int) throws -> Data {
        condition.lock()
        var resume: CheckedContinuation<Void, Never>?
        defer {
            condition.unlock()
            resume?.resume()
        }
        while next == pieces.count {
            if let failure { throw failure }
            if ended { return Data() }
            guard condition.wait(until: Date().addingTimeInterval(idleTimeout)) || next < pieces.count || ended || failure != nil else {
                abandoned = true
                resume = takeWaitingProducer()
                throw EngineError(code: "RequestTimeout", httpStatus: 400,
                                  message: "Your socket connection to the server was not read from or written to within the timeout period. Idle connections will be closed.")
            }
        }
        var piece = pieces[next]
        if piece.count > maxCount {
            let rest = piece.subdata(in: piece.startIndex + maxCount ..< piece.endIndex)
            piece = piece.subdata(in: piece.startIndex ..< piece.startIndex + maxCount)
            pieces[next] = rest
        } else {
            pieces[next] = Data()
            next += 1
            if next > 64 {
                pieces.removeFirst(next)
                next = 0
            }
        }
        buffered -= piece.count
        if buffered < limit { resume = takeWaitingProducer() }
        return piece
    }

    /// The engine side stopped reading (an error, a refusal): the connection stops waiting and drops the rest.
    func abandon() {
        condition.lock()
        abandoned = true
        let resume = takeWaitingProducer()
        condition.unlock()
        resume?.resume()
    }

    private func takeWaitingProducer() -> CheckedContinuation<Void, Never>? {
        defer { waitingProducer = nil }
        return waitingProducer
    }
}
