import Foundation
import GRDB

extension FunctionsService {
    // MARK: - Function URL configurations

    static let urlAuthTypes = ["NONE", "AWS_IAM"]
    static let urlInvokeModes = ["BUFFERED", "RESPONSE_STREAM"]

    /// CreateFunctionUrlConfig: gives the function (or `$LATEST`) a URL with a new 32-character id.
    /// A function has at most one; a second is ResourceConflictException.
    public func createFunctionURLConfig(function name: String, qualifier: String? = nil, authType: String, cors: String? = nil,
                                        invokeMode: String? = nil, caller: Caller) throws -> FunctionURLConfig {
        let reference = try urlReference(name, qualifier: qualifier)
        try Self.validateURLSettings(authType: authType, invokeMode: invokeMode)
        let now = account.clock.now().timeIntervalSince1970
        let urlID = account.ids.string(32, alphabet: "abcdefghijklmnopqrstuvwxyz0123456789")
        return try account.write([.functions]) { db in
            let arn = functionARN(reference.name, reference.qualifier)
            try account.authorize(caller, "lambda:CreateFunctionUrlConfig", arn, db: db)
            _ = try requireFunction(reference.name, db)
            if try FunctionURLRecord.fetchOne(db, key: ["function_name": reference.name, "qualifier": reference.qualifier ?? ""]) != nil {
                throw EngineError.resourceConflict(
                    "Failed to create function url config for [functionArn = \(arn)]. Error message:  FunctionUrlConfig exists for this Lambda function",
                    resource: arn)
            }
            let record = FunctionURLRecord(functionName: reference.name, qualifier: reference.qualifier ?? "", urlId: urlID,
                                           authType: authType, cors: cors, invokeMode: invokeMode ?? "BUFFERED",
                                           createdAt: now, lastModified: now)
            try record.insert(db)
            return urlConfig(record)
        }
    }

    /// GetFunctionUrlConfig.
    public func getFunctionURLConfig(function name: String, qualifier: String? = nil, caller: Caller) throws -> FunctionURLConfig {
        let reference = try urlReference(name, qualifier: qualifier)
        return try account.read { db in
            try account.authorize(caller, "lambda:GetFunctionUrlConfig", functionARN(reference.name, reference.qualifier), db: db)
            return urlConfig(try requireURLRecord(reference, db))
        }
    }

    /// UpdateFunctionUrlConfig: changes what is given and leaves the rest.
    public func updateFunctionURLConfig(function name: String, qualifier: String? = nil, authType: String? = nil, cors: String? = nil,
                                        invokeMode: String? = nil, caller: Caller) throws -> FunctionURLConfig {
        let reference = try urlReference(name, qualifier: qualifier)
        try Self.validateURLSettings(authType: authType ?? "NONE", invokeMode: invokeMode)
        let now = account.clock.now().timeIntervalSince1970
        return try account.write([.functions]) { db in
            try account.authorize(caller, "lambda:UpdateFunctionUrlConfig", functionARN(reference.name, reference.qualifier), db: db)
            var record = try requireURLRecord(reference, db)
            if let authType { record.authType = authType }
            if let cors { record.cors = cors }
            if let invokeMode { record.invokeMode = invokeMode }
            record.lastModified = now
            try record.update(db)
            return urlConfig(record)
        }
    }

    /// DeleteFunctionUrlConfig: the URL stops answering at once.
    public func deleteFunctionURLConfig(function name: String, qualifier: String? = nil, caller: Caller) throws {
        let reference = try urlReference(name, qualifier: qualifier)
        try account.write([.functions]) { db in
            try account.authorize(caller, "lambda:DeleteFunctionUrlConfig", functionARN(reference.name, reference.qualifier), db: db)
            _ = try requireURLRecord(reference, db).delete(db)
        }
    }

    /// ListFunctionUrlConfigs: the function's URL and its aliases' URLs.
    public func listFunctionURLConfigs(function name: String, caller: Caller) throws -> [FunctionURLConfig] {
        let reference = try FunctionRules.reference(name, accountID: account.accountID, region: account.region, allowQualifier: false)
        return try account.read { db in
            try account.authorize(caller, "lambda:ListFunctionUrlConfigs", functionARN(reference.name), db: db)
            _ = try requireFunction(reference.name, db)
            return try FunctionURLRecord.filter(Column("function_name") == reference.name).order(Column("qualifier"))
                .fetchAll(db).map(urlConfig)
        }
    }

    // MARK: - Helpers

    /// A URL belongs to the unqualified function or to an alias; Overcast has no aliases, so only `$LATEST` qualifies.
    func urlReference(_ name: String, qualifier: String?) throws -> FunctionReference {
        var reference = try resolve(name, qualifier: qualifier)
        if reference.qualifier == Self.latest { reference.qualifier = nil }
        if let qualifier = reference.qualifier {
            throw EngineError.functionNotFound(functionARN(reference.name, qualifier))
        }
        return reference
    }

    func requireURLRecord(_ reference: FunctionReference, _ db: Database) throws -> FunctionURLRecord {
        _ = try requireFunction(reference.name, db)
        guard let record = try FunctionURLRecord.fetchOne(db, key: ["function_name": reference.name,
                                                                    "qualifier": reference.qualifier ?? ""])
        else { throw EngineError.lambdaNotFound("The resource you requested does not exist.", resource: functionARN(reference.name)) }
        return record
    }

    func urlConfig(_ record: FunctionURLRecord) -> FunctionURLConfig {
        FunctionURLConfig(functionName: record.functionName,
                          functionARN: functionARN(record.functionName, record.qualifier.isEmpty ? nil : record.qualifier),
                          urlID: record.urlId, authType: record.authType, cors: record.cors, invokeMode: record.invokeMode,
                          creationTime: Date(timeIntervalSince1970: record.createdAt),
                          lastModifiedTime: Date(timeIntervalSince1970: record.lastModified))
    }

    static func validateURLSettings(authType: String, invokeMode: String?) throws {
        var failures: [(member: String, value: String?, constraint: String)] = []
        if !urlAuthTypes.contains(authType) {
            failures.append((member: "authType", value: authType, constraint: "Member must satisfy enum value set: [NONE, AWS_IAM]"))
        }
        if let invokeMode, !urlInvokeModes.contains(invokeMode) {
            failures.append((member: "invokeMode", value: invokeMode, constraint: "Member must satisfy enum value set: [BUFFERED, RESPONSE_STREAM]"))
        }
        if !failures.isEmpty { throw EngineError.lambdaValidation(failures) }
    }
}
