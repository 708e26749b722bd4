import Foundation
import GRDB

extension FunctionsService {
    // MARK: - Layers

    /// PublishLayerVersion from files. Python packages go under `python/` (the runtime puts the layer's
    /// `python/` on the import path, as Lambda does with `/opt/python`). Versions count 1, 2, ... and are never reused.
    @discardableResult
    public func publishLayerVersion(_ name: String, files: [String: Data], description: String = "",
                                    compatibleRuntimes: [String] = [], licenseInfo: String? = nil,
                                    caller: Caller) throws -> LayerVersion {
        try publishLayerVersion(name, content: .files(files), description: description, compatibleRuntimes: compatibleRuntimes,
                                licenseInfo: licenseInfo, caller: caller)
    }

    /// PublishLayerVersion from files or a .zip (whose SHA-256 and size are then the layer's `CodeSha256` and `CodeSize`).
    @discardableResult
    public func publishLayerVersion(_ name: String, content: FunctionCode, description: String = "",
                                    compatibleRuntimes: [String] = [], licenseInfo: String? = nil,
                                    caller: Caller) throws -> LayerVersion {
        let layerName = try layerName(name)
        try FunctionRules.validateDescription(description)
        if compatibleRuntimes.count > 15 {
            throw EngineError.lambdaValidation([(member: "compatibleRuntimes", value: "[" + compatibleRuntimes.joined(separator: ", ") + "]",
                                                 constraint: "Member must have length less than or equal to 15")])
        }
        for runtime in compatibleRuntimes { try FunctionRules.validateRuntime(runtime) }
        if let licenseInfo, licenseInfo.unicodeScalars.count > 512 {
            throw EngineError.lambdaValidation([(member: "licenseInfo", value: licenseInfo, constraint: "Member must have length less than or equal to 512")])
        }
        let package = try unpack(content, operation: "PublishLayerVersion", what: "layer")
        let files = package.files
        let now = account.clock.now()
        return try account.write([.functions]) { db in
            try account.authorize(caller, "lambda:PublishLayerVersion", layerARN(layerName), db: db)
            try checkCodeStorage(adding: package.size, db)
            try db.execute(sql: "INSERT INTO layers(name, next_version, created_at) VALUES (?, 1, ?) ON CONFLICT(name) DO NOTHING",
                           arguments: [layerName, now.timeIntervalSince1970])
            let version = try Int.fetchOne(db, sql: "SELECT next_version FROM layers WHERE name = ?", arguments: [layerName]) ?? 1
            try db.execute(sql: "UPDATE layers SET next_version = next_version + 1 WHERE name = ?", arguments: [layerName])
            try db.execute(sql: """
                INSERT INTO layer_versions(layer_name, version, description, compatible_runtimes, license_info, code_sha256, code_size, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [layerName, version, description, FunctionJSON.array(compatibleRuntimes), licenseInfo,
                                 package.sha256, package.size, now.timeIntervalSince1970])
            let statement = try db.cachedStatement(sql: "INSERT INTO layer_version_files(layer_name, version, path, content) VALUES (?, ?, ?, ?)")
            for path in files.keys.sorted() {
                try statement.execute(arguments: [layerName, version, path, files[path]!])
            }
            return try requireLayerVersion(layerName, version, db)
        }
    }

    /// GetLayerVersion.
    public func getLayerVersion(_ name: String, version: Int, caller: Caller) throws -> LayerVersion {
        let layerName = try layerName(name)
        return try account.read { db in
            try account.authorize(caller, "lambda:GetLayerVersion", layerVersionARN(layerName, version), db: db)
            return try requireLayerVersion(layerName, version, db)
        }
    }

    /// GetLayerVersionByArn.
    public func getLayerVersion(arn: String, caller: Caller) throws -> LayerVersion {
        guard let parsed = LayerVersionARN(arn) else {
            throw EngineError.lambdaValidation([(member: "arn", value: arn,
                                                 constraint: "Member must satisfy regular expression pattern: \(FunctionRules.layerVersionPattern)")])
        }
        guard parsed.accountID == account.accountID, parsed.region == account.region else {
            throw EngineError.lambdaNotFound("The resource you requested does not exist.", resource: arn)
        }
        return try getLayerVersion(parsed.name, version: parsed.version, caller: caller)
    }

    /// ListLayerVersions: the layer's versions, newest first (none for a layer that does not exist).
    public func listLayerVersions(_ name: String, caller: Caller) throws -> [LayerVersion] {
        let layerName = try layerName(name)
        return try account.read { db in
            try account.authorize(caller, "lambda:ListLayerVersions", "*", db: db)
            return try Row.fetchAll(db, sql: "SELECT * FROM layer_versions WHERE layer_name = ? AND deleted = 0 ORDER BY version DESC",
                                    arguments: [layerName]).map(layerVersion(from:))
        }
    }

    /// ListLayers: each layer that has a version left, with its latest version, by name.
    public func listLayers(caller: Caller) throws -> [LayerVersion] {
        try account.read { db in
            try account.authorize(caller, "lambda:ListLayers", "*", db: db)
            return try Row.fetchAll(db, sql: """
                SELECT * FROM layer_versions AS v WHERE deleted = 0
                  AND version = (SELECT MAX(version) FROM layer_versions WHERE layer_name = v.layer_name AND deleted = 0)
                ORDER BY layer_name
                """).map(layerVersion(from:))
        }
    }

    /// DeleteLayerVersion. Idempotent, as on Lambda. Functions that use the version keep its content
    /// (it is only hidden), as Lambda keeps a copy for functions configured with it.
    public func deleteLayerVersion(_ name: String, version: Int, caller: Caller) throws {
        let layerName = try layerName(name)
        try account.write([.functions]) { db in
            try account.authorize(caller, "lambda:DeleteLayerVersion", layerVersionARN(layerName, version), db: db)
            try db.execute(sql: "UPDATE layer_versions SET deleted = 1 WHERE layer_name = ? AND version = ?", arguments: [layerName, version])
        }
    }

    // MARK: - Helpers

    /// A layer named by name (1-64 of `[a-zA-Z0-9-_]`) or by its ARN in this account.
    func layerName(_ input: String) throws -> String {
        var name = Substring(input)
        let parts = input.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 7, parts[0] == "arn", parts[2] == "lambda", parts[5] == "layer" {
            guard parts[4] == account.accountID, parts[3] == account.region else {
                throw EngineError.lambdaNotFound("The resource you requested does not exist.", resource: input)
            }
            name = parts[6]
        }
        guard FunctionRules.isPlainName(name) else {
            throw EngineError.lambdaValidation([(member: "layerName", value: input,
                                                 constraint: "Member must satisfy regular expression pattern: (arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+")])
        }
        if name.unicodeScalars.count > 64 {
            throw EngineError.lambdaValidation([(member: "layerName", value: input, constraint: "Member must have length less than or equal to 64")])
        }
        return String(name)
    }

    func requireLayerVersion(_ name: String, _ version: Int, _ db: Database) throws -> LayerVersion {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM layer_versions WHERE layer_name = ? AND version = ? AND deleted = 0",
                                         arguments: [name, version])
        else { throw EngineError.lambdaNotFound("The resource you requested does not exist.", resource: layerVersionARN(name, version)) }
        return layerVersion(from: row)
    }

    func layerVersion(from row: Row) -> LayerVersion {
        let name: String = row["layer_name"]
        let version: Int = row["version"]
        return LayerVersion(layerName: name, layerARN: layerARN(name), layerVersionARN: layerVersionARN(name, version), version: version,
                            description: row["description"], compatibleRuntimes: FunctionJSON.decodeArray(row["compatible_runtimes"]),
                            licenseInfo: row["license_info"], createdDate: Date(timeIntervalSince1970: row["created_at"]),
                            codeSHA256: row["code_sha256"], codeSize: row["code_size"])
    }

    /// The files of a layer version, deleted or not (functions configured with it keep using it).
    func layerFiles(_ arn: String, _ db: Database) throws -> [String: Data] {
        guard let parsed = LayerVersionARN(arn) else { return [:] }
        var files: [String: Data] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT path, content FROM layer_version_files WHERE layer_name = ? AND version = ?",
                                    arguments: [parsed.name, parsed.version]) {
            files[row["path"]] = row["content"]
        }
        return files
    }
}
