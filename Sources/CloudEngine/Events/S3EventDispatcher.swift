import Foundation
import GRDB

/// Delivers the S3 event outbox to functions, at least once.
///
/// Rows are claimed in id order (attempts + 1, and a lease: `next_attempt_at` moves `leaseSeconds`
/// ahead), then each event is handed to `invokeAsync` as `s3.amazonaws.com` with the bucket as
/// `aws:SourceArn`, so the function's resource-based policy decides. A row stays `pending` until
/// its outcome is written: a process that dies mid-delivery leaves it to be claimed again when the
/// lease runs out, by this or any other `Account` on the file.
///
/// Outcomes: `delivered` (Lambda accepted the Event invocation; the function's own errors are
/// Lambda's retries), `failed` at once for errors retrying cannot fix (AccessDenied, no such
/// function), and otherwise retried with exponential backoff until `maxAttempts`.
public struct S3EventDispatcher: Sendable {
    let account: Account

    init(account: Account) {
        self.account = account
    }

    var state: S3EventDeliveryState { account.eventDelivery }

    /// Delivers every pending event that is due now, in id order, and returns what happened.
    /// Runs in the calling thread without sleeping; the Event invocations it starts run on the
    /// function runtime's queue (`account.functionRuntime.drainAsyncInvocations()` waits for them).
    @discardableResult
    public func drainOnce() throws -> S3EventDrainSummary {
        try state.drainLock.withLock {
            var summary = S3EventDrainSummary()
            while true {
                let batch = try claim(limit: 64)
                if batch.isEmpty { break }
                for row in batch {
                    switch try deliver(row) {
                    case .delivered: summary.delivered += 1
                    case .failed: summary.failed += 1
                    case .pending: summary.retrying += 1
                    }
                }
            }
            return summary
        }
    }

    /// Starts delivering in the background: every `interval` seconds, and soon after any change to
    /// objects (made here, or in another process when its monitor announces it). Idempotent.
    public func start(interval: TimeInterval = 0.15) {
        state.start(account: account, interval: interval)
    }

    /// Stops the background delivery; pending events stay in the outbox.
    public func stop() {
        state.stop()
    }

    /// The bucket's events and what became of them, newest first. With `functionARN` (unqualified), only the
    /// events sent to that function or one of its versions. Authorized as `s3:GetBucketNotification`.
    public func deliveries(bucket: String, functionARN: String? = nil, limit: Int = 100, caller: Caller) throws -> [S3EventDelivery] {
        let bucketARN = "arn:aws:s3:::\(bucket)"
        return try account.read { db in
            try account.authorize(caller, "s3:GetBucketNotification", bucketARN, db: db)
            guard let functionARN else {
                return try Row.fetchAll(db, sql: "SELECT * FROM event_outbox WHERE bucket_arn = ? ORDER BY id DESC LIMIT ?",
                                        arguments: [bucketARN, max(0, limit)]).map(S3EventDelivery.init(row:))
            }
            // A prefix test with substr, not LIKE: "_" in a function name is a LIKE wildcard.
            return try Row.fetchAll(db, sql: """
                SELECT * FROM event_outbox WHERE bucket_arn = :bucket
                  AND (function_arn = :function OR substr(function_arn, 1, length(:function) + 1) = :function || ':')
                ORDER BY id DESC LIMIT :limit
                """, arguments: ["bucket": bucketARN, "function": functionARN, "limit": max(0, limit)])
                .map(S3EventDelivery.init(row:))
        }
    }

    // MARK: - Claim and deliver

    struct Claimed {
        var id: Int64
        var event: String
        var functionARN: String
        var bucketARN: String
        var attempts: Int
    }

    private func claim(limit: Int) throws -> [Claimed] {
        let now = account.clock.now().timeIntervalSince1970
        let lease = state.leaseSeconds
        // A read first, so an idle poll never takes the write lock (large uploads hold it in turns).
        let due = try account.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM event_outbox WHERE state = 'pending' AND next_attempt_at <= ? LIMIT 1",
                              arguments: [now]) ?? false
        }
        guard due else { return [] }
        return try account.write([]) { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, event, function_arn, bucket_arn, attempts FROM event_outbox
                WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?
                """, arguments: [now, limit])
            let update = try db.cachedStatement(sql: "UPDATE event_outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?")
            return try rows.map { row in
                let id: Int64 = row["id"]
                try update.execute(arguments: [now + lease, id])
                return Claimed(id: id, event: row["event"], functionARN: row["function_arn"], bucketARN: row["bucket_arn"],
                               attempts: (row["attempts"] as Int) + 1)
            }
        }
    }

    private func deliver(_ row: Claimed) throws -> S3EventDelivery.State {
        let bucketName = String(row.bucketARN.dropFirst("arn:aws:s3:::".count))
        do {
            let response = try account.functions.invokeAsync(
                row.functionARN, payload: Data(row.event.utf8), caller: Caller(identity: .service("s3.amazonaws.com")),
                sourceARN: "arn:aws:s3:::\(bucketName)", sourceAccount: account.accountID)
            try mark(row.id, state: .delivered, nextAttempt: nil, error: nil, requestID: response.requestID)
            return .delivered
        } catch let error as EngineError {
            return try settleFailure(row, reason: "\(error.code): \(error.message)", permanent: Self.isPermanent(error))
        } catch {
            return try settleFailure(row, reason: "\(error)", permanent: false)
        }
    }

    private func settleFailure(_ row: Claimed, reason: String, permanent: Bool) throws -> S3EventDelivery.State {
        if permanent || row.attempts >= state.maxAttempts {
            try mark(row.id, state: .failed, nextAttempt: nil, error: reason, requestID: nil)
            return .failed
        }
        let next = account.clock.now().addingTimeInterval(state.backoff(afterAttempt: row.attempts))
        try mark(row.id, state: .pending, nextAttempt: next, error: reason, requestID: nil)
        return .pending
    }

    private func mark(_ id: Int64, state: S3EventDelivery.State, nextAttempt: Date?, error: String?, requestID: String?) throws {
        try account.write([.invocations]) { db in
            try db.execute(sql: """
                UPDATE event_outbox SET state = ?, next_attempt_at = COALESCE(?, next_attempt_at), last_error = ?,
                    request_id = COALESCE(?, request_id)
                WHERE id = ?
                """, arguments: [state.rawValue, nextAttempt?.timeIntervalSince1970, error, requestID, id])
        }
    }

    /// Client errors other than throttling will fail the same way next time.
    static func isPermanent(_ error: EngineError) -> Bool {
        (400..<500).contains(error.httpStatus) && error.httpStatus != 429
    }
}

/// What one `drainOnce` did.
public struct S3EventDrainSummary: Sendable, Equatable {
    public var delivered = 0
    public var failed = 0
    /// Failed for a reason that may pass (throttling, the runtime): scheduled again.
    public var retrying = 0

    public init(delivered: Int = 0, failed: Int = 0, retrying: Int = 0) {
        self.delivered = delivered
        self.failed = failed
        self.retrying = retrying
    }
}

/// One outbox row: an event, its destination, and what became of it.
public struct S3EventDelivery: Sendable, Equatable {
    public enum State: String, Sendable {
        case pending, delivered, failed
    }

    public var id: Int64
    public var createdAt: Date
    public var functionARN: String
    public var bucketARN: String
    /// E.g. `ObjectCreated:Put`.
    public var eventName: String
    /// The key as the event carries it (URL-encoded).
    public var eventKey: String
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Date
    /// Why the last attempt failed (`AccessDenied: ...`), nil once delivered.
    public var lastError: String?
    /// The Lambda request id of the accepted invocation.
    public var requestID: String?
    /// The JSON handed to the function.
    public var event: String

    init(row: Row) {
        id = row["id"]
        createdAt = Date(timeIntervalSince1970: row["created_at"])
        functionARN = row["function_arn"]
        bucketARN = row["bucket_arn"]
        event = row["event"]
        state = State(rawValue: row["state"]) ?? .pending
        attempts = row["attempts"]
        nextAttemptAt = Date(timeIntervalSince1970: row["next_attempt_at"])
        lastError = row["last_error"]
        requestID = row["request_id"]
        let record = (try? JSONDecoder().decode(S3EventNotification.self, from: Data(event.utf8)))?.records.first
        eventName = record?.eventName ?? ""
        eventKey = record?.s3.object.key ?? ""
    }
}

/// The dispatcher's state kept by `Account`: the background timer, the change subscription, and settings.
public final class S3EventDeliveryState: @unchecked Sendable {
    private let lock = NSLock()
    /// Serializes drains within this process (the timer, change reactions and `drainOnce` callers).
    let drainLock = NSLock()
    private let queue = DispatchQueue(label: "overcast.events.dispatch")
    private var timer: (any DispatchSourceTimer)?
    private var subscription: ChangeSubscription?
    private var wakeScheduled = false
    private var lease: TimeInterval = 30
    private var attemptsLimit = 8
    private var backgroundFailure: String?

    public init() {}

    deinit { stop() }

    /// How long a claimed event waits before another dispatcher may take it (its deliverer having died).
    public var leaseSeconds: TimeInterval {
        get { lock.withLock { lease } }
        set { lock.withLock { lease = newValue } }
    }

    /// Attempts before an event that keeps failing for a passing reason is marked failed.
    public var maxAttempts: Int {
        get { lock.withLock { attemptsLimit } }
        set { lock.withLock { attemptsLimit = max(1, newValue) } }
    }

    /// Why the last background drain failed (the account file busy, say), nil after a good one.
    public var lastBackgroundError: String? { lock.withLock { backgroundFailure } }

    /// 1 s, 2 s, 4 s... capped at 5 minutes.
    func backoff(afterAttempt attempt: Int) -> TimeInterval {
        min(300, pow(2, Double(max(0, attempt - 1))))
    }

    var isRunning: Bool { lock.withLock { timer != nil } }

    func start(account: Account, interval: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        guard timer == nil else { return }
        let source = DispatchSource.makeTimerSource(queue: queue)
        let milliseconds = max(10, Int(interval * 1000))
        source.schedule(deadline: .now(), repeating: .milliseconds(milliseconds), leeway: .milliseconds(milliseconds / 4))
        source.setEventHandler { [weak account] in
            guard let account else { return }
            account.eventDelivery.runBackground(account)
        }
        timer = source
        subscription = account.changes.subscribe { [weak account, weak self] change in
            guard change.topics.contains(.objects), let account, let self else { return }
            self.wake(account)
        }
        source.resume()
    }

    func stop() {
        let (source, feed) = lock.withLock { () -> ((any DispatchSourceTimer)?, ChangeSubscription?) in
            defer { timer = nil; subscription = nil }
            return (timer, subscription)
        }
        feed?.cancel()
        source?.cancel()
    }

    private func wake(_ account: Account) {
        let schedule = lock.withLock { () -> Bool in
            if wakeScheduled || timer == nil { return false }
            wakeScheduled = true
            return true
        }
        guard schedule else { return }
        queue.async { [weak account, weak self] in
            self?.lock.withLock { self?.wakeScheduled = false }
            guard let account, let self else { return }
            self.runBackground(account)
        }
    }

    private func runBackground(_ account: Account) {
        guard isRunning else { return }
        let failure: String?
        do {
            try account.events.drainOnce()
            failure = nil
        } catch {
            failure = "\(error)"
        }
        lock.withLock { backgroundFailure = failure }
    }
}
