import Foundation
import GRDB

extension FunctionsService {
    // MARK: - For the runtime

    /// Authorizes `lambda:InvokeFunction` for `caller` and returns what the runtime needs to run the call:
    /// the configuration of `$LATEST` or of the version named by `qualifier`, its code and its layers' files.
    ///
    /// An AWS service invoking on behalf of a resource (S3 delivering an event) passes that resource as
    /// `sourceARN` and its owner as `sourceAccount`: they are the `aws:SourceArn`/`aws:SourceAccount` the
    /// function policy's conditions test.
    public func prepareInvocation(_ name: String, qualifier: String? = nil, caller: Caller, sourceARN: String? = nil,
                                  sourceAccount: String? = nil) throws -> InvocationPlan {
        let reference = try resolve(name, qualifier: qualifier)
        var context: [String: [String]] = [:]
        if let sourceARN { context["aws:SourceArn"] = [sourceARN] }
        if let sourceAccount { context["aws:SourceAccount"] = [sourceAccount] }
        return try account.read { db in
            try account.authorize(caller, "lambda:InvokeFunction", functionARN(reference.name, reference.qualifier), context: context, db: db)
            return try invocationPlan(reference, db)
        }
    }

    /// The configuration, code and layers of the version `reference` names, for a call already authorized.
    func invocationPlan(_ reference: FunctionReference, _ db: Database) throws -> InvocationPlan {
        let configuration = try configuration(reference.name, qualifier: reference.qualifier, db)
        let code = try files(reference.name, version: configuration.version, db)
        let layers = try configuration.layers.map { LayerContent(layerVersionARN: $0, files: try layerFiles($0, db)) }
        return InvocationPlan(configuration: configuration, code: code, layers: layers)
    }

    /// The code of `$LATEST` or of a published version, by path (authorized as `lambda:GetFunction`).
    public func codeFiles(function name: String, version: String = "$LATEST", caller: Caller) throws -> [String: Data] {
        let reference = try resolve(name, qualifier: version)
        return try account.read { db in
            try account.authorize(caller, "lambda:GetFunction", functionARN(reference.name, reference.qualifier), db: db)
            let configuration = try configuration(reference.name, qualifier: reference.qualifier, db)
            return try files(reference.name, version: configuration.version, db)
        }
    }

    /// Records what happened in one invocation. The runtime writes it after running a call that
    /// `prepareInvocation` authorized; it is Lambda's own bookkeeping, so no caller is asked for.
    /// Replaces the `Running` record `startInvocation` wrote. Fails with ResourceNotFoundException when the
    /// function was deleted meanwhile.
    public func recordInvocation(_ record: InvocationRecord) throws {
        try account.write([.invocations]) { db in
            _ = try requireFunction(record.functionName, db)
            try db.execute(sql: """
                INSERT INTO function_invocations(request_id, function_name, version, started_at, duration_ms, billed_duration_ms,
                    memory_size, max_memory_used_mb, init_duration_ms, status, error_type, error_message, payload_preview,
                    response_preview, log_stream, runner)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(request_id) DO UPDATE SET
                    version = excluded.version, started_at = excluded.started_at, duration_ms = excluded.duration_ms,
                    billed_duration_ms = excluded.billed_duration_ms, memory_size = excluded.memory_size,
                    max_memory_used_mb = excluded.max_memory_used_mb, init_duration_ms = excluded.init_duration_ms,
                    status = excluded.status, error_type = excluded.error_type, error_message = excluded.error_message,
                    payload_preview = excluded.payload_preview, response_preview = excluded.response_preview,
                    log_stream = excluded.log_stream, runner = excluded.runner
                """, arguments: [record.requestID, record.functionName, record.version, record.startedAt.timeIntervalSince1970,
                                 record.durationMs, record.billedDurationMs, record.memorySize, record.maxMemoryUsedMB,
                                 record.initDurationMs, record.status.rawValue, record.errorType, record.errorMessage,
                                 record.payloadPreview, record.responsePreview, record.logStreamName,
                                 record.status == .running ? ProcessIdentity.current : nil])
        }
    }

    /// Records an invocation as `Running` before it runs, so that one whose process is killed mid-way is not
    /// lost: the next process to open the account marks it `Interrupted` (see `markInterruptedInvocations`).
    func startInvocation(requestID: String, configuration: FunctionConfiguration, startedAt: Date, payload: Data) throws {
        try recordInvocation(InvocationRecord(
            requestID: requestID, functionName: configuration.functionName, version: configuration.version,
            startedAt: startedAt, durationMs: 0, billedDurationMs: 0, memorySize: configuration.memorySize, maxMemoryUsedMB: 0,
            initDurationMs: nil, status: .running, errorType: nil, errorMessage: nil,
            payloadPreview: Self.preview(payload), responsePreview: nil, logStreamName: nil))
    }

    /// Removes a `Running` record of an invocation that never ran (throttled, or the runtime could not start).
    func discardStartedInvocation(_ requestID: String) {
        _ = try? account.write([.invocations]) { db in
            try db.execute(sql: "DELETE FROM function_invocations WHERE request_id = ? AND status = 'Running'", arguments: [requestID])
        }
    }

    /// Marks `Interrupted` every `Running` invocation whose process is no longer running (it was killed, it
    /// crashed, or the machine stopped), with a message saying what is missing. Returns how many were marked.
    /// Called when an account is opened for writing.
    @discardableResult
    public func markInterruptedInvocations() throws -> Int {
        let running = try account.read { db in
            try Row.fetchAll(db, sql: "SELECT request_id, runner FROM function_invocations WHERE status = 'Running'")
                .map { (id: $0["request_id"] as String, runner: $0["runner"] as String?) }
        }
        let ended = running.filter { invocation in invocation.runner.map { !ProcessIdentity.isRunning($0) } ?? true }
        guard !ended.isEmpty else { return 0 }
        try account.write([.invocations]) { db in
            for invocation in ended {
                let pid = invocation.runner?.split(separator: ":").dropFirst().first.map(String.init) ?? "?"
                try db.execute(sql: """
                    UPDATE function_invocations SET status = 'Interrupted', error_type = 'Overcast.Interrupted', error_message = ?,
                        runner = NULL
                    WHERE request_id = ? AND status = 'Running'
                    """, arguments: [
                        "The Overcast process running this invocation (pid \(pid)) ended before it finished: the handler's"
                            + " result is unknown, and its log may be incomplete, with no END or REPORT line.",
                        invocation.id,
                    ])
            }
        }
        return ended.count
    }

    /// The function's most recent invocations, newest first (authorized as `lambda:GetFunction`).
    public func invocations(function name: String, limit: Int = 50, caller: Caller) throws -> [InvocationRecord] {
        let reference = try FunctionRules.reference(name, accountID: account.accountID, region: account.region, allowQualifier: false)
        return try account.read { db in
            try account.authorize(caller, "lambda:GetFunction", functionARN(reference.name), db: db)
            _ = try requireFunction(reference.name, db)
            return try Row.fetchAll(db, sql: "SELECT * FROM function_invocations WHERE function_name = ? ORDER BY id DESC LIMIT ?",
                                    arguments: [reference.name, max(0, limit)]).map(Self.invocation(from:))
        }
    }

    /// The newest invocation record of each function that has any, keyed by function name, for a list of
    /// functions that shows when each last ran. One query over the `(function_name, id)` index.
    /// Authorized as `lambda:ListFunctions` on `*`.
    public func latestInvocations(caller: Caller) throws -> [String: InvocationRecord] {
        try account.read { db in
            try account.authorize(caller, "lambda:ListFunctions", "*", db: db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT i.* FROM function_invocations i
                JOIN (SELECT function_name, MAX(id) AS id FROM function_invocations GROUP BY function_name) latest ON latest.id = i.id
                JOIN functions f ON f.name = i.function_name
                """)
            var latest: [String: InvocationRecord] = [:]
            for row in rows {
                let record = Self.invocation(from: row)
                latest[record.functionName] = record
            }
            return latest
        }
    }

    // MARK: - Helpers

    func files(_ name: String, version: String, _ db: Database) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT path, content FROM function_code_files WHERE function_name = ? AND version = ?",
                                    arguments: [name, version]) {
            files[row["path"]] = row["content"]
        }
        return files
    }

    static func invocation(from row: Row) -> InvocationRecord {
        InvocationRecord(
            requestID: row["request_id"], functionName: row["function_name"], version: row["version"],
            startedAt: Date(timeIntervalSince1970: row["started_at"]), durationMs: row["duration_ms"],
            billedDurationMs: row["billed_duration_ms"], memorySize: row["memory_size"], maxMemoryUsedMB: row["max_memory_used_mb"],
            initDurationMs: row["init_duration_ms"], status: InvocationStatus(rawValue: row["status"]) ?? .error,
            errorType: row["error_type"], errorMessage: row["error_message"], payloadPreview: row["payload_preview"],
            responsePreview: row["response_preview"], logStreamName: row["log_stream"])
    }
}
