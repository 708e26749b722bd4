import Foundation
import GRDB
import IAMPolicy

extension FunctionsService {
    // MARK: - Resource-based policy

    /// AddPermission: adds a statement to the function's resource-based policy (of the version named by
    /// `qualifier`, or of the unqualified function) and returns the statement as JSON, as Lambda does.
    ///
    /// A service principal (`s3.amazonaws.com`) with `sourceARN`/`sourceAccount` becomes
    /// `ArnLike AWS:SourceArn` / `StringEquals AWS:SourceAccount` conditions.
    @discardableResult
    public func addPermission(function name: String, _ permission: FunctionPermission, qualifier: String? = nil,
                              caller: Caller) throws -> String {
        let reference = try resolve(name, qualifier: qualifier)
        try Self.validate(permission)
        let principal = try principalJSON(permission.principal)
        let stored = reference.qualifier ?? ""
        return try account.write([.functions]) { db in
            let resource = functionARN(reference.name, reference.qualifier)
            try account.authorize(caller, "lambda:AddPermission", resource, db: db)
            _ = try configuration(reference.name, qualifier: reference.qualifier, db)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM function_permissions WHERE function_name = ? AND qualifier = ? AND sid = ?",
                                 arguments: [reference.name, stored, permission.statementID]) ?? false {
                throw EngineError.resourceConflict(
                    "The statement id (\(permission.statementID)) provided already exists. Please choose another statement id or remove the existing statement.",
                    resource: resource)
            }
            var conditions: [String] = []
            var equals: [String] = []
            if let sourceAccount = permission.sourceAccount {
                equals.append("\"AWS:SourceAccount\":\(JSONString.quoted(sourceAccount))")
            }
            if let authType = permission.functionURLAuthType {
                equals.append("\"lambda:FunctionUrlAuthType\":\(JSONString.quoted(authType))")
            }
            if !equals.isEmpty { conditions.append("\"StringEquals\":{" + equals.joined(separator: ",") + "}") }
            if let sourceARN = permission.sourceARN {
                conditions.append("\"ArnLike\":{\"AWS:SourceArn\":\(JSONString.quoted(sourceARN))}")
            }
            var statement = "{\"Sid\":\(JSONString.quoted(permission.statementID)),\"Effect\":\"Allow\",\"Principal\":\(principal),"
                + "\"Action\":\(JSONString.quoted(permission.action)),\"Resource\":\(JSONString.quoted(resource))"
            if !conditions.isEmpty { statement += ",\"Condition\":{" + conditions.joined(separator: ",") + "}" }
            statement += "}"
            let size = Self.policyDocument(try statements(reference.name, qualifier: stored, db) + [statement]).utf8.count
            if size > limits.policyBytes {
                throw EngineError.policyLengthExceeded("The final policy size (\(size)) is bigger than the limit (\(limits.policyBytes)).",
                                                       resource: resource)
            }
            try db.execute(sql: "INSERT INTO function_permissions(function_name, qualifier, sid, statement) VALUES (?, ?, ?, ?)",
                           arguments: [reference.name, stored, permission.statementID, statement])
            try bumpRevision(reference.name, qualifier: stored, db)
            return statement
        }
    }

    /// RemovePermission: removes the statement `statementID`.
    public func removePermission(function name: String, statementID: String, qualifier: String? = nil, caller: Caller) throws {
        let reference = try resolve(name, qualifier: qualifier)
        let stored = reference.qualifier ?? ""
        try account.write([.functions]) { db in
            let resource = functionARN(reference.name, reference.qualifier)
            try account.authorize(caller, "lambda:RemovePermission", resource, db: db)
            _ = try configuration(reference.name, qualifier: reference.qualifier, db)
            if try statements(reference.name, qualifier: stored, db).isEmpty {
                throw EngineError.lambdaNotFound("No policy is associated with the given resource.", resource: resource)
            }
            try db.execute(sql: "DELETE FROM function_permissions WHERE function_name = ? AND qualifier = ? AND sid = ?",
                           arguments: [reference.name, stored, statementID])
            if db.changesCount == 0 {
                throw EngineError.lambdaNotFound("Statement \(statementID) is not found in resource policy.", resource: resource)
            }
            try bumpRevision(reference.name, qualifier: stored, db)
        }
    }

    /// GetPolicy: the resource-based policy as Lambda returns it (compact JSON, `"Id":"default"`).
    public func getPolicy(function name: String, qualifier: String? = nil, caller: Caller) throws -> FunctionPolicy {
        let reference = try resolve(name, qualifier: qualifier)
        let stored = reference.qualifier ?? ""
        return try account.read { db in
            let resource = functionARN(reference.name, reference.qualifier)
            try account.authorize(caller, "lambda:GetPolicy", resource, db: db)
            let configuration = try configuration(reference.name, qualifier: reference.qualifier, db)
            let found = try statements(reference.name, qualifier: stored, db)
            if found.isEmpty { throw EngineError.lambdaNotFound("The resource you requested does not exist.", resource: resource) }
            return FunctionPolicy(policy: Self.policyDocument(found), revisionID: configuration.revisionID)
        }
    }

    // MARK: - Helpers

    func statements(_ name: String, qualifier: String, _ db: Database) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT statement FROM function_permissions WHERE function_name = ? AND qualifier = ? ORDER BY id"),
                            arguments: [name, qualifier])
    }

    static func policyDocument(_ statements: [String]) -> String {
        "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[" + statements.joined(separator: ",") + "]}"
    }

    func bumpRevision(_ name: String, qualifier: String, _ db: Database) throws {
        if let version = Int(qualifier) {
            try db.execute(sql: "UPDATE function_versions SET revision_id = ? WHERE function_name = ? AND version = ?",
                           arguments: [account.ids.uuid(), name, version])
        } else {
            try db.execute(sql: "UPDATE functions SET revision_id = ? WHERE name = ?", arguments: [account.ids.uuid(), name])
        }
    }

    /// The Principal element for AddPermission's principal: a service, an account, an ARN or everyone.
    func principalJSON(_ principal: String) throws -> String {
        if principal == "*" { return "\"*\"" }
        if principal.count == 12, principal.allSatisfy(\.isNumber) {
            return "{\"AWS\":\(JSONString.quoted("arn:aws:iam::\(principal):root"))}"
        }
        if principal.hasPrefix("arn:") { return "{\"AWS\":\(JSONString.quoted(principal))}" }
        if principal.hasSuffix(".amazonaws.com") || principal.hasSuffix(".amazonaws.com.cn") {
            return "{\"Service\":\(JSONString.quoted(principal))}"
        }
        throw EngineError.invalidParameterValue("The provided principal was invalid. Please check the principal and try again.")
    }

    static func validate(_ permission: FunctionPermission) throws {
        var failures: [(member: String, value: String?, constraint: String)] = []
        let sid = permission.statementID
        if sid.isEmpty || sid.unicodeScalars.count > FunctionRules.statementIDMax {
            failures.append((member: "statementId", value: sid, constraint: sid.isEmpty
                ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to \(FunctionRules.statementIDMax)"))
        } else if !FunctionRules.isPlainName(Substring(sid)) {
            failures.append((member: "statementId", value: sid, constraint: "Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)"))
        }
        let action = permission.action
        let operation = action.hasPrefix("lambda:") ? action.dropFirst("lambda:".count) : ""
        let actionOK = action == "*" || operation == "*"
            || (!operation.isEmpty && operation.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
        if !actionOK {
            failures.append((member: "action", value: action, constraint: "Member must satisfy regular expression pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])"))
        }
        if permission.principal.isEmpty || permission.principal.contains(where: \.isWhitespace) {
            failures.append((member: "principal", value: permission.principal, constraint: "Member must satisfy regular expression pattern: [^\\s]+"))
        }
        if let authType = permission.functionURLAuthType, !urlAuthTypes.contains(authType) {
            failures.append((member: "functionUrlAuthType", value: authType, constraint: "Member must satisfy enum value set: [NONE, AWS_IAM]"))
        }
        if let sourceAccount = permission.sourceAccount, !(sourceAccount.count == 12 && sourceAccount.allSatisfy(\.isNumber)) {
            failures.append((member: "sourceAccount", value: sourceAccount, constraint: "Member must satisfy regular expression pattern: \\d{12}"))
        }
        if !failures.isEmpty { throw EngineError.lambdaValidation(failures) }
    }
}

/// Function policies for `lambda:` actions on `arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`,
/// so that a service principal (`s3.amazonaws.com` invoking a function) is decided by the policy AddPermission built.
public struct FunctionPolicyProvider: ResourcePolicyProvider {
    public init() {}

    public func resourcePolicy(action: String, resource: String, account: AccountInfo, db: Database) throws -> ResourcePolicy? {
        let parts = resource.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 7 || parts.count == 8, parts[0] == "arn", parts[2] == "lambda", parts[5] == "function",
              parts[4] == account.accountID
        else { return nil }
        let name = String(parts[6])
        let qualifier = parts.count == 8 ? String(parts[7]) : ""
        let statements = try String.fetchAll(
            db.cachedStatement(sql: "SELECT statement FROM function_permissions WHERE function_name = ? AND qualifier = ? ORDER BY id"),
            arguments: [name, qualifier])
        guard !statements.isEmpty else { return nil }
        return ResourcePolicy(name: "function policy of \(name)", text: FunctionsService.policyDocument(statements))
    }
}
