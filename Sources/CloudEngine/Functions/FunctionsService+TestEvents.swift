import Foundation
import GRDB

/// A saved test event of a function, as the Lambda console's Test tab keeps them: a name and a JSON payload.
public struct FunctionTestEvent: Sendable, Equatable {
    public var name: String
    /// The JSON text, exactly as it was saved.
    public var payload: String
    public var lastModified: Date

    public init(name: String, payload: String, lastModified: Date) {
        self.name = name
        self.payload = payload
        self.lastModified = lastModified
    }
}

extension FunctionsService {
    // MARK: - Saved test events

    /// The console's limit on saved (private) test events per function.
    public static let testEventsPerFunction = 10
    /// The console's limit on a test event name's length.
    public static let testEventNameMax = 25

    /// Saves a test event of the function, creating it or replacing the one with the same name.
    ///
    /// The name is 1 to 25 letters, digits, `-`, `_` or `.`; the payload must be JSON (a bare value such as
    /// `"text"` or `42` is JSON too). A function keeps at most 10 events; replacing one does not count.
    /// Authorized as `lambda:UpdateFunctionConfiguration` on the function; ResourceNotFoundException
    /// when the function does not exist.
    @discardableResult
    public func saveTestEvent(function: String, name: String, payload: String, caller: Caller) throws -> FunctionTestEvent {
        let reference = try FunctionRules.reference(function, accountID: account.accountID, region: account.region, allowQualifier: false)
        try Self.validateTestEventName(name)
        try Self.validateTestEventPayload(payload, name: name)
        let now = account.clock.now()
        let functionName = reference.name
        return try account.write([.functions]) { db in
            try account.authorize(caller, "lambda:UpdateFunctionConfiguration", functionARN(functionName), db: db)
            _ = try requireFunction(functionName, db)
            let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM function_test_events WHERE function_name = ? AND name = ?",
                                           arguments: [functionName, name]) ?? false
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM function_test_events WHERE function_name = ?",
                                         arguments: [functionName]) ?? 0
            if !exists && count >= Self.testEventsPerFunction {
                throw EngineError.invalidParameterValue(
                    "A function can have at most \(Self.testEventsPerFunction) saved test events and \(functionName) already has \(count). Delete one, or save under an existing event's name to replace it.",
                    resource: functionARN(functionName))
            }
            try db.execute(sql: """
                INSERT INTO function_test_events(function_name, name, payload, last_modified) VALUES (?, ?, ?, ?)
                ON CONFLICT(function_name, name) DO UPDATE SET payload = excluded.payload, last_modified = excluded.last_modified
                """, arguments: [functionName, name, payload, now.timeIntervalSince1970])
            return FunctionTestEvent(name: name, payload: payload, lastModified: now)
        }
    }

    /// The function's saved test events, by name. Authorized as `lambda:GetFunction`.
    public func testEvents(function: String, caller: Caller) throws -> [FunctionTestEvent] {
        let reference = try FunctionRules.reference(function, accountID: account.accountID, region: account.region, allowQualifier: false)
        return try account.read { db in
            try account.authorize(caller, "lambda:GetFunction", functionARN(reference.name), db: db)
            _ = try requireFunction(reference.name, db)
            return try Row.fetchAll(db, sql: "SELECT name, payload, last_modified FROM function_test_events WHERE function_name = ? ORDER BY name",
                                    arguments: [reference.name])
                .map { FunctionTestEvent(name: $0["name"], payload: $0["payload"], lastModified: Date(timeIntervalSince1970: $0["last_modified"])) }
        }
    }

    /// Deletes a saved test event; ResourceNotFoundException when the function has none of that name.
    /// Authorized as `lambda:UpdateFunctionConfiguration`.
    public func deleteTestEvent(function: String, name: String, caller: Caller) throws {
        let reference = try FunctionRules.reference(function, accountID: account.accountID, region: account.region, allowQualifier: false)
        try account.write([.functions]) { db in
            let arn = functionARN(reference.name)
            try account.authorize(caller, "lambda:UpdateFunctionConfiguration", arn, db: db)
            _ = try requireFunction(reference.name, db)
            try db.execute(sql: "DELETE FROM function_test_events WHERE function_name = ? AND name = ?", arguments: [reference.name, name])
            if db.changesCount == 0 {
                throw EngineError.lambdaNotFound("Test event \(name) not found for function \(reference.name).", resource: arn)
            }
        }
    }

    // MARK: - Rules

    static func validateTestEventName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { FunctionRules.isNameCharacter($0) || $0 == "." }
        if name.isEmpty || name.unicodeScalars.count > testEventNameMax || !allowed {
            throw EngineError.invalidParameterValue(
                "The test event name \"\(name)\" is not valid: use 1 to \(testEventNameMax) characters, each a letter, a digit, a hyphen (-), an underscore (_) or a period (.).")
        }
    }

    /// The payload parses as JSON; otherwise the error repeats what the parser said, and where.
    static func validateTestEventPayload(_ payload: String, name: String) throws {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(payload.utf8), options: [.fragmentsAllowed])
        } catch {
            let nsError = error as NSError
            var detail = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
            if !detail.hasSuffix(".") { detail += "." }
            if let position = Self.linePosition(in: payload, parserDetail: detail) { detail += " That is \(position)." }
            throw EngineError.invalidParameterValue(
                "The payload of test event \(name) is not valid JSON: \(detail) Fix it, or save {} for an empty event.")
        }
    }

    /// `line L, column C` of the byte offset the parser names ("... around character N."), for an editor.
    static func linePosition(in payload: String, parserDetail: String) -> String? {
        guard let marker = parserDetail.range(of: "around character ") else { return nil }
        let digits = parserDetail[marker.upperBound...].prefix { $0.isNumber }
        guard let offset = Int(digits) else { return nil }
        let before = Array(payload.utf8.prefix(offset))
        let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
        return "line \(line), column \(column)"
    }
}
