import Crypto
import Foundation
import GRDB
import IAMPolicy

/// Lambda in the account: functions, their code, versions, layers and resource policies,
/// and the invocation records the runtime writes. It never runs code itself.
///
/// Every method takes the caller and is authorized, inside the transaction that does the
/// work, with Lambda's IAM action on the function's ARN
/// (`arn:aws:lambda:REGION:ACCOUNT:function:NAME`).
public struct FunctionsService: Sendable {
    let account: Account
    let limits: FunctionLimits

    init(account: Account, limits: FunctionLimits = .aws) {
        self.account = account
        self.limits = limits
    }

    /// The service principal Lambda assumes execution roles as.
    public static let servicePrincipal = "lambda.amazonaws.com"
    public static let latest = "$LATEST"

    // MARK: - CreateFunction

    /// CreateFunction. The role must exist and trust `lambda.amazonaws.com`, and the caller must be allowed
    /// `iam:PassRole` on it (with `iam:PassedToService` = `lambda.amazonaws.com`). With `publish`, version 1
    /// is published at once and returned.
    @discardableResult
    public func createFunction(_ name: String, runtime: String, handler: String, role: String, code: FunctionCode,
                               memorySize: Int = 128, timeout: Int = 3, description: String = "",
                               environment: [String: String] = [:], layers: [String] = [],
                               ephemeralStorageSize: Int = 512, publish: Bool = false,
                               caller: Caller) throws -> FunctionConfiguration {
        let reference = try FunctionRules.reference(name, accountID: account.accountID, region: account.region, allowQualifier: false)
        try FunctionRules.validateRuntime(runtime)
        try FunctionRules.validateHandler(handler)
        try FunctionRules.validateRole(role)
        try FunctionRules.validateMemory(memorySize)
        try FunctionRules.validateEphemeralStorage(ephemeralStorageSize)
        try FunctionRules.validateTimeout(timeout)
        try FunctionRules.validateDescription(description)
        try FunctionRules.validateEnvironment(environment, limits: limits)
        try FunctionRules.validateLayerList(layers, limits: limits)
        let package = try unpack(code, operation: "CreateFunction")
        let functionName = reference.name
        let arn = functionARN(functionName)
        let now = account.clock.now()
        let revision = account.ids.uuid()
        return try account.write([.functions]) { db in
            try account.authorize(caller, "lambda:CreateFunction", arn, db: db)
            if try functionExists(functionName, db) {
                throw EngineError.resourceConflict("Function already exist: \(functionName)", resource: arn)
            }
            try checkRole(role, caller: caller, db)
            let layerSize = try checkLayers(layers, caller: caller, db)
            try checkUnzippedSize(package.unzippedSize + layerSize)
            try checkCodeStorage(adding: package.size, db)
            try db.execute(sql: """
                INSERT INTO functions(name, runtime, handler, role, memory_size, timeout, description, environment, layers,
                                      code_sha256, code_size, last_modified, state, revision_id, next_version, created_at,
                                      ephemeral_storage)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Active', ?, 1, ?, ?)
                """, arguments: [functionName, runtime, handler, role, memorySize, timeout, description,
                                 FunctionJSON.object(environment), FunctionJSON.array(layers), package.sha256,
                                 package.size, now.timeIntervalSince1970, revision, now.timeIntervalSince1970,
                                 ephemeralStorageSize])
            try insertCode(package.files, function: functionName, version: Self.latest, db)
            if publish {
                return try self.publish(functionName, description: nil, db)
            }
            return try configuration(functionName, qualifier: nil, db)
        }
    }

    // MARK: - Reading

    /// GetFunction: the configuration of `$LATEST` (or of the version named by `qualifier` or a `NAME:QUALIFIER`)
    /// and the paths of its code.
    public func getFunction(_ name: String, qualifier: String? = nil, caller: Caller) throws -> FunctionDetails {
        let reference = try resolve(name, qualifier: qualifier)
        return try account.read { db in
            try account.authorize(caller, "lambda:GetFunction", functionARN(reference.name, reference.qualifier), db: db)
            let configuration = try configuration(reference.name, qualifier: reference.qualifier, db)
            let paths = try String.fetchAll(db, sql: """
                SELECT path FROM function_code_files WHERE function_name = ? AND version = ? ORDER BY path
                """, arguments: [reference.name, configuration.version])
            return FunctionDetails(configuration: configuration, codePaths: paths)
        }
    }

    /// GetFunctionConfiguration.
    public func getFunctionConfiguration(_ name: String, qualifier: String? = nil, caller: Caller) throws -> FunctionConfiguration {
        let reference = try resolve(name, qualifier: qualifier)
        return try account.read { db in
            try account.authorize(caller, "lambda:GetFunctionConfiguration", functionARN(reference.name, reference.qualifier), db: db)
            return try configuration(reference.name, qualifier: reference.qualifier, db)
        }
    }

    /// ListFunctions: every function's `$LATEST`, by name.
    public func listFunctions(caller: Caller) throws -> [FunctionConfiguration] {
        try account.read { db in
            try account.authorize(caller, "lambda:ListFunctions", "*", db: db)
            return try Row.fetchAll(db, sql: "SELECT * FROM functions ORDER BY name").map { configuration(from: $0, version: Self.latest) }
        }
    }

    // MARK: - Updating

    /// UpdateFunctionConfiguration: changes what `settings` sets and leaves the rest. A new role is checked
    /// as CreateFunction checks it; new environment variables replace all the old ones, as on Lambda.
    @discardableResult
    public func updateFunctionConfiguration(_ name: String, settings: FunctionSettings, caller: Caller) throws -> FunctionConfiguration {
        let reference = try FunctionRules.reference(name, accountID: account.accountID, region: account.region, allowQualifier: false)
        if let runtime = settings.runtime { try FunctionRules.validateRuntime(runtime) }
        if let handler = settings.handler { try FunctionRules.validateHandler(handler) }
        if let role = settings.role { try FunctionRules.validateRole(role) }
        if let memory = settings.memorySize { try FunctionRules.validateMemory(memory) }
        if let storage = settings.ephemeralStorageSize { try FunctionRules.validateEphemeralStorage(storage) }
        if let timeout = settings.timeout { try FunctionRules.validateTimeout(timeout) }
        if let description = settings.description { try FunctionRules.validateDescription(description) }
        if let environment = settings.environment { try FunctionRules.validateEnvironment(environment, limits: limits) }
        if let layers = settings.layers { try FunctionRules.validateLayerList(layers, limits: limits) }
        let now = account.clock.now()
        let revision = account.ids.uuid()
        let functionName = reference.name
        return try account.write([.functions]) { db in
            let arn = functionARN(functionName)
            try account.authorize(caller, "lambda:UpdateFunctionConfiguration", arn, db: db)
            let row = try requireFunction(functionName, db)
            if let role = settings.role { try checkRole(role, caller: caller, db) }
            if let layers = settings.layers {
                let layerSize = try checkLayers(layers, caller: caller, db)
                try checkUnzippedSize(try unzippedSize(functionName, db) + layerSize)
            }
            try db.execute(sql: """
                UPDATE functions SET runtime = ?, handler = ?, role = ?, memory_size = ?, timeout = ?, description = ?,
                                     environment = ?, layers = ?, last_modified = ?, revision_id = ?, ephemeral_storage = ?
                WHERE name = ?
                """, arguments: [settings.runtime ?? row["runtime"], settings.handler ?? row["handler"], settings.role ?? row["role"],
                                 settings.memorySize ?? row["memory_size"], settings.timeout ?? row["timeout"],
                                 settings.description ?? row["description"],
                                 settings.environment.map(FunctionJSON.object) ?? row["environment"],
                                 settings.layers.map(FunctionJSON.array) ?? row["layers"],
                                 now.timeIntervalSince1970, revision,
                                 settings.ephemeralStorageSize ?? row["ephemeral_storage"], functionName])
            return try configuration(functionName, qualifier: nil, db)
        }
    }

    /// UpdateFunctionCode: replaces `$LATEST`'s code (a new `CodeSha256` and revision id). With `publish`,
    /// a version is published from the new code and returned.
    @discardableResult
    public func updateFunctionCode(_ name: String, code: FunctionCode, publish: Bool = false, caller: Caller) throws -> FunctionConfiguration {
        let reference = try FunctionRules.reference(name, accountID: account.accountID, region: account.region, allowQualifier: false)
        let package = try unpack(code, operation: "UpdateFunctionCode")
        let now = account.clock.now()
        let revision = account.ids.uuid()
        let functionName = reference.name
        return try account.write([.functions]) { db in
            try account.authorize(caller, "lambda:UpdateFunctionCode", functionARN(functionName), db: db)
            let row = try requireFunction(functionName, db)
            let layerSize = try layersSize(FunctionJSON.decodeArray(row["layers"]), db)
            try checkUnzippedSize(package.unzippedSize + layerSize)
            try checkCodeStorage(adding: package.size - (row["code_size"] as Int), db)
            try db.execute(sql: "DELETE FROM function_code_files WHERE function_name = ? AND version = ?",
                           arguments: [functionName, Self.latest])
            try insertCode(package.files, function: functionName, version: Self.latest, db)
            try db.execute(sql: """
                UPDATE functions SET code_sha256 = ?, code_size = ?, last_modified = ?, revision_id = ? WHERE name = ?
                """, arguments: [package.sha256, package.size, now.timeIntervalSince1970, revision, functionName])
            if publish { return try self.publish(functionName, description: nil, db) }
            return try configuration(functionName, qualifier: nil, db)
        }
    }

    // MARK: - DeleteFunction

    /// DeleteFunction: the function with its versions, code, policy and invocation records; with a
    /// qualifier (a version number), only that version.
    public func deleteFunction(_ name: String, qualifier: String? = nil, caller: Caller) throws {
        let reference = try resolve(name, qualifier: qualifier)
        try account.write([.functions, .invocations]) { db in
            try account.authorize(caller, "lambda:DeleteFunction", functionARN(reference.name, reference.qualifier), db: db)
            _ = try requireFunction(reference.name, db)
            if let qualifier = reference.qualifier {
                if qualifier == Self.latest {
                    throw EngineError.invalidParameterValue("$LATEST version cannot be deleted without deleting the function.")
                }
                guard let version = Int(qualifier),
                      try Bool.fetchOne(db, sql: "SELECT 1 FROM function_versions WHERE function_name = ? AND version = ?",
                                        arguments: [reference.name, version]) ?? false
                else { throw EngineError.functionNotFound(functionARN(reference.name, qualifier)) }
                try db.execute(sql: "DELETE FROM function_versions WHERE function_name = ? AND version = ?", arguments: [reference.name, version])
                try db.execute(sql: "DELETE FROM function_code_files WHERE function_name = ? AND version = ?", arguments: [reference.name, qualifier])
                try db.execute(sql: "DELETE FROM function_permissions WHERE function_name = ? AND qualifier = ?", arguments: [reference.name, qualifier])
                return
            }
            try db.execute(sql: "DELETE FROM function_invocations WHERE function_name = ?", arguments: [reference.name])
            try db.execute(sql: "DELETE FROM functions WHERE name = ?", arguments: [reference.name])
        }
    }

    // MARK: - ARNs

    /// `arn:aws:lambda:REGION:ACCOUNT:function:NAME`, with `:QUALIFIER` when given.
    public func functionARN(_ name: String, _ qualifier: String? = nil) -> String {
        "arn:aws:lambda:\(account.region):\(account.accountID):function:\(name)" + (qualifier.map { ":\($0)" } ?? "")
    }

    public func layerARN(_ name: String) -> String {
        "arn:aws:lambda:\(account.region):\(account.accountID):layer:\(name)"
    }

    public func layerVersionARN(_ name: String, _ version: Int) -> String {
        layerARN(name) + ":\(version)"
    }

    // MARK: - Shared helpers

    /// Parses a function name and merges an explicit qualifier (which must agree with one in the name).
    func resolve(_ name: String, qualifier: String?) throws -> FunctionReference {
        var reference = try FunctionRules.reference(name, accountID: account.accountID, region: account.region)
        if let qualifier {
            if qualifier.isEmpty || !(qualifier == Self.latest || FunctionRules.isPlainName(Substring(qualifier))) {
                throw EngineError.lambdaValidation([(member: "qualifier", value: qualifier,
                                                     constraint: "Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)")])
            }
            if let inName = reference.qualifier, inName != qualifier {
                throw EngineError.invalidParameterValue("The derived qualifier from the function name does not match the specified qualifier.")
            }
            reference.qualifier = qualifier
        }
        return reference
    }

    func functionExists(_ name: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM functions WHERE name = ?", arguments: [name]) ?? false
    }

    func requireFunction(_ name: String, _ db: Database) throws -> Row {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM functions WHERE name = ?"), arguments: [name]) else {
            throw EngineError.functionNotFound(functionARN(name))
        }
        return row
    }

    /// The configuration of `$LATEST` (qualifier nil or `$LATEST`) or of a published version.
    func configuration(_ name: String, qualifier: String?, _ db: Database) throws -> FunctionConfiguration {
        let row = try requireFunction(name, db)
        guard let qualifier, qualifier != Self.latest else { return configuration(from: row, version: Self.latest) }
        guard let number = Int(qualifier),
              let versionRow = try Row.fetchOne(db, sql: "SELECT * FROM function_versions WHERE function_name = ? AND version = ?",
                                                arguments: [name, number])
        else { throw EngineError.functionNotFound(functionARN(name, qualifier)) }
        var versionConfig = configuration(from: versionRow, version: String(number))
        versionConfig.functionName = name
        return versionConfig
    }

    func configuration(from row: Row, version: String) -> FunctionConfiguration {
        let name: String = row["name"] ?? row["function_name"]
        return FunctionConfiguration(
            functionName: name, functionARN: functionARN(name, version == Self.latest ? nil : version),
            runtime: row["runtime"], role: row["role"], handler: row["handler"], codeSize: row["code_size"],
            description: row["description"], timeout: row["timeout"], memorySize: row["memory_size"],
            ephemeralStorageSize: row["ephemeral_storage"],
            lastModified: Date(timeIntervalSince1970: row["last_modified"]), codeSHA256: row["code_sha256"], version: version,
            environment: FunctionJSON.decodeObject(row["environment"]), layers: FunctionJSON.decodeArray(row["layers"]),
            state: row["state"], revisionID: row["revision_id"])
    }

    func insertCode(_ files: [String: Data], function: String, version: String, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO function_code_files(function_name, version, path, content) VALUES (?, ?, ?, ?)")
        for path in files.keys.sorted() {
            try statement.execute(arguments: [function, version, path, files[path]!])
        }
    }

    /// A deployment package's files with the `CodeSha256` and `CodeSize` Lambda reports for it: for a .zip,
    /// the SHA-256 and size of the .zip itself, as on Lambda; for files, `FunctionRules.sha256(of:)` and their total size.
    struct Package {
        var files: [String: Data]
        var sha256: String
        var size: Int
        /// The files' total size, which Lambda's 250 MB unzipped limit counts.
        var unzippedSize: Int
    }

    /// The files of a deployment package, checked against Lambda's size limits.
    func unpack(_ code: FunctionCode, operation: String, what: String = "deployment package") throws -> Package {
        switch code {
        case let .files(files):
            try FunctionRules.validateFiles(files, what: what)
            let size = FunctionRules.size(of: files)
            if size > limits.unzippedCodeBytes {
                throw EngineError.invalidParameterValue("Unzipped size must be smaller than \(limits.unzippedCodeBytes) bytes")
            }
            return Package(files: files, sha256: FunctionRules.sha256(of: files), size: size, unzippedSize: size)
        case let .zip(data):
            if data.count > limits.zippedUploadBytes {
                throw EngineError.requestTooLarge("Request must be smaller than \(limits.zippedUploadBytes) bytes for the \(operation) operation")
            }
            let files = try ZipPackageReader.files(in: data, maxUnzippedBytes: limits.unzippedCodeBytes)
            try FunctionRules.validateFiles(files, what: what)
            return Package(files: files, sha256: Data(SHA256.hash(data: data)).base64EncodedString(), size: data.count,
                           unzippedSize: FunctionRules.size(of: files))
        }
    }

    /// The unzipped size of a function's `$LATEST` code.
    func unzippedSize(_ name: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT IFNULL(SUM(length(content)), 0) FROM function_code_files WHERE function_name = ? AND version = ?",
                         arguments: [name, Self.latest]) ?? 0
    }

    /// The execution role: the caller may pass it to Lambda (`iam:PassRole`), it exists, is not service-linked, and it trusts
    /// `lambda.amazonaws.com` to assume it.
    func checkRole(_ role: String, caller: Caller, _ db: Database) throws {
        try account.authorize(caller, "iam:PassRole", role, context: ["iam:PassedToService": [Self.servicePrincipal]], db: db)
        let cannotAssume = EngineError.invalidParameterValue("The role defined for the function cannot be assumed by Lambda.", resource: role)
        guard let parsed = RoleARN(role), parsed.accountID == account.accountID,
              let row = try Row.fetchOne(db, sql: "SELECT path, trust_policy FROM iam_roles WHERE name = ?", arguments: [parsed.name]),
              row["path"] == parsed.path
        else { throw cannotAssume }
        if ServiceLinkedRoles.isServiceLinked(path: parsed.path) {
            // IAM UG: a service-linked role is used only by the service it is linked to; it cannot be passed.
            throw EngineError.invalidParameterValue(
                "The role defined for the function cannot be assumed by Lambda. \(role) is a service-linked role, which only the service it belongs to can use; give the function an execution role you created.",
                resource: role)
        }
        guard Self.lambdaMayAssume(roleARN: role, roleName: parsed.name, trustPolicy: row["trust_policy"]) else {
            throw cannotAssume
        }
    }

    /// Whether the trust policy lets `lambda.amazonaws.com` call `sts:AssumeRole` on the role, as the IAM
    /// evaluator decides it. An unparsable trust policy trusts no one.
    static func lambdaMayAssume(roleARN: String, roleName: String, trustPolicy: String) -> Bool {
        guard let document = try? PolicyDocumentCache.shared.document(for: trustPolicy, kind: .trust) else { return false }
        let request = PolicyRequest(caller: .service(servicePrincipal), action: "sts:AssumeRole", resource: roleARN)
        let trust = ApplicablePolicy(name: "trust policy of role \(roleName)", source: .resource, document: document)
        return PolicyEvaluator.evaluate(request: request, policies: [trust]).isAllowed
    }

    /// Every layer version exists (the caller may read it: `lambda:GetLayerVersion`); returns their total size.
    func checkLayers(_ layers: [String], caller: Caller, _ db: Database) throws -> Int {
        var total = 0
        for arn in layers {
            guard let parsed = LayerVersionARN(arn) else { continue }
            try account.authorize(caller, "lambda:GetLayerVersion", arn, db: db)
            guard parsed.accountID == account.accountID, parsed.region == account.region,
                  try Bool.fetchOne(db, sql: "SELECT 1 FROM layer_versions WHERE layer_name = ? AND version = ? AND deleted = 0",
                                    arguments: [parsed.name, parsed.version]) ?? false
            else { throw EngineError.invalidParameterValue("Layer version \(arn) does not exist.", resource: arn) }
            total += try layerUnzippedSize(parsed, db)
        }
        return total
    }

    /// The total size of the layers a function already references (deleted layer versions still count).
    func layersSize(_ layers: [String], _ db: Database) throws -> Int {
        var total = 0
        for arn in layers {
            guard let parsed = LayerVersionARN(arn) else { continue }
            total += try layerUnzippedSize(parsed, db)
        }
        return total
    }

    func layerUnzippedSize(_ layer: LayerVersionARN, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT IFNULL(SUM(length(content)), 0) FROM layer_version_files WHERE layer_name = ? AND version = ?",
                         arguments: [layer.name, layer.version]) ?? 0
    }

    func checkUnzippedSize(_ total: Int) throws {
        if total > limits.unzippedCodeBytes {
            throw EngineError.invalidParameterValue(
                "Function code combined with layers exceeds the maximum allowed size of \(limits.unzippedCodeBytes) bytes. The actual size is \(total) bytes.")
        }
    }

    /// The account's code storage: every function's code, every published version's and every layer version's.
    func checkCodeStorage(adding bytes: Int, _ db: Database) throws {
        let used = try Int64.fetchOne(db, sql: """
            SELECT (SELECT IFNULL(SUM(code_size), 0) FROM functions)
                 + (SELECT IFNULL(SUM(code_size), 0) FROM function_versions)
                 + (SELECT IFNULL(SUM(code_size), 0) FROM layer_versions WHERE deleted = 0)
            """) ?? 0
        if used + Int64(bytes) > limits.codeStorageBytes {
            throw EngineError.codeStorageExceeded(
                "Code storage limit exceeded. The account stores \(used) bytes of code and the limit is \(limits.codeStorageBytes); delete unused function versions or layer versions.")
        }
    }

    /// `2026-01-01T00:00:00.000+0000`, as Lambda prints `LastModified`.
    static func lambdaTimestamp(_ date: Date) -> String {
        UTCTimestamp(date).lambdaLastModified
    }
}
