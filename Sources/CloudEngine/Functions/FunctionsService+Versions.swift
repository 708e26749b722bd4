import Foundation
import GRDB

extension FunctionsService {
    // MARK: - Versions

    /// PublishVersion: freezes `$LATEST`'s configuration and code as version 1, 2, ... Numbers are never reused.
    /// When nothing changed since the last published version, that version is returned, as on Lambda.
    ///
    /// `codeSHA256` and `revisionID`, when given, must match `$LATEST` (a guard against publishing code
    /// someone else just replaced).
    @discardableResult
    public func publishVersion(_ name: String, description: String? = nil, codeSHA256: String? = nil,
                               revisionID: String? = nil, caller: Caller) throws -> FunctionConfiguration {
        let reference = try FunctionRules.reference(name, accountID: account.accountID, region: account.region, allowQualifier: false)
        if let description { try FunctionRules.validateDescription(description) }
        return try account.write([.functions]) { db in
            try account.authorize(caller, "lambda:PublishVersion", functionARN(reference.name), db: db)
            let row = try requireFunction(reference.name, db)
            if let codeSHA256, codeSHA256 != row["code_sha256"] {
                throw EngineError.invalidParameterValue(
                    "CodeSHA256 (\(codeSHA256)) is different from current CodeSHA256 in $LATEST (\(row["code_sha256"] as String)). Please try again with the CodeSHA256 in $LATEST.")
            }
            if let revisionID, revisionID != row["revision_id"] {
                throw EngineError(code: "PreconditionFailedException", httpStatus: 412,
                                  message: "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id")
            }
            return try publish(reference.name, description: description, db)
        }
    }

    /// ListVersionsByFunction: `$LATEST`, then the published versions in order.
    public func listVersionsByFunction(_ name: String, caller: Caller) throws -> [FunctionConfiguration] {
        let reference = try FunctionRules.reference(name, accountID: account.accountID, region: account.region, allowQualifier: false)
        return try account.read { db in
            try account.authorize(caller, "lambda:ListVersionsByFunction", functionARN(reference.name), db: db)
            let latest = configuration(from: try requireFunction(reference.name, db), version: Self.latest)
            let versions = try Row.fetchAll(db, sql: "SELECT * FROM function_versions WHERE function_name = ? ORDER BY version",
                                            arguments: [reference.name])
                .map { configuration(from: $0, version: String($0["version"] as Int)) }
            return [latest] + versions
        }
    }

    /// Publishes `$LATEST` inside the caller's transaction (CreateFunction and UpdateFunctionCode with `publish`).
    func publish(_ name: String, description: String?, _ db: Database) throws -> FunctionConfiguration {
        let row = try requireFunction(name, db)
        let compared = ["code_sha256", "runtime", "handler", "role", "memory_size", "timeout", "environment", "layers",
                        "ephemeral_storage"]
        if let last = try Row.fetchOne(db, sql: "SELECT * FROM function_versions WHERE function_name = ? ORDER BY version DESC LIMIT 1",
                                       arguments: [name]),
           compared.allSatisfy({ last[$0] as DatabaseValue == row[$0] as DatabaseValue }),
           description == nil || description == last["description"] {
            return configuration(from: last, version: String(last["version"] as Int))
        }
        let number: Int = row["next_version"]
        let codeSize: Int = row["code_size"]
        try checkCodeStorage(adding: codeSize, db)
        let now = account.clock.now()
        try db.execute(sql: """
            INSERT INTO function_versions(function_name, version, runtime, handler, role, memory_size, timeout, description,
                                          environment, layers, code_sha256, code_size, last_modified, state, revision_id,
                                          ephemeral_storage)
            SELECT name, ?, runtime, handler, role, memory_size, timeout, ?, environment, layers, code_sha256, code_size, ?, state, ?,
                ephemeral_storage
            FROM functions WHERE name = ?
            """, arguments: [number, description ?? row["description"], now.timeIntervalSince1970, account.ids.uuid(), name])
        try db.execute(sql: """
            INSERT INTO function_code_files(function_name, version, path, content)
            SELECT function_name, ?, path, content FROM function_code_files WHERE function_name = ? AND version = ?
            """, arguments: [String(number), name, Self.latest])
        try db.execute(sql: "UPDATE functions SET next_version = next_version + 1 WHERE name = ?", arguments: [name])
        return try configuration(name, qualifier: String(number), db)
    }
}
