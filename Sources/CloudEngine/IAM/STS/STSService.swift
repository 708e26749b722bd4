import Foundation
import GRDB

/// STS in the account: role sessions, caller identity, and turning access keys back into callers.
public struct STSService: Sendable {
    let account: Account

    static let minDuration = 900
    static let maxDuration = 43200
    /// A session that assumes another role (role chaining) may last at most an hour.
    static let chainedMaxDuration = 3600
    static let sessionNameMax = 64
    /// Expired sessions are kept this long so their keys report ExpiredToken rather than "invalid".
    static let expiredSessionRetention: TimeInterval = 86_400

    // MARK: - AssumeRole

    /// AssumeRole: temporary credentials for `roleARN`, allowed only when the role's trust policy
    /// allows `sts:AssumeRole` for the caller (and, where it names only the account, the caller's
    /// own policies allow it too). The session lasts `durationSeconds`, 900 up to the role's maximum.
    /// `externalID` is `sts:ExternalId` to the trust policy's conditions (the third-party pattern).
    public func assumeRole(roleARN: String, sessionName: String, durationSeconds: Int = 3600, externalID: String? = nil,
                           caller: Caller) throws -> AssumedRole {
        try Self.validate(roleARN: roleARN, sessionName: sessionName, durationSeconds: durationSeconds)
        if let externalID { try Self.validate(externalID: externalID) }
        if caller.isRoot {
            throw EngineError(code: "AccessDenied", httpStatus: 403,
                              message: "Roles may not be assumed by root accounts. Call AssumeRole as an IAM user (or a role session) whose policies and the role's trust policy allow sts:AssumeRole.",
                              resource: roleARN)
        }
        let chained: Bool
        if case .assumedRole = caller.identity { chained = true } else { chained = false }
        return try startSession(roleARN: roleARN, sessionName: sessionName, durationSeconds: durationSeconds,
                                chained: chained, context: externalID.map { ["sts:ExternalId": [$0]] } ?? [:], caller: caller)
    }

    /// ExternalId: 2 to 1,224 of IAM's name characters, `:` and `/` (`[\w+=,.@:/-]*`), as STS requires.
    static func validate(externalID: String) throws {
        var violations = IAMNames.nameViolations(externalID.replacingOccurrences(of: ":", with: "_").replacingOccurrences(of: "/", with: "_"),
                                                 member: "externalId", min: 2, max: 1224)
        violations = violations.map { violation in
            ParameterViolation(member: violation.member, value: externalID,
                               constraint: violation.constraint.replacingOccurrences(of: "[\\w+=,.@-]+", with: "[\\w+=,.@:/-]*"))
        }
        try IAMNames.require(violations)
    }

    /// AssumeRole on behalf of an AWS service, e.g. Lambda taking a function's execution role:
    /// the role's trust policy must name `service` (`lambda.amazonaws.com`).
    ///
    /// `durationSeconds` defaults to an hour, capped at the role's maximum.
    public func assumeRoleAsService(roleARN: String, service: String, sessionName: String,
                                    durationSeconds: Int? = nil) throws -> AssumedRole {
        let duration = durationSeconds ?? Self.chainedMaxDuration
        try Self.validate(roleARN: roleARN, sessionName: sessionName, durationSeconds: duration)
        return try startSession(roleARN: roleARN, sessionName: sessionName, durationSeconds: duration, chained: false,
                                caller: Caller(identity: .service(service)))
    }

    private func startSession(roleARN: String, sessionName: String, durationSeconds: Int, chained: Bool,
                              context: [String: [String]] = [:], caller: Caller) throws -> AssumedRole {
        let now = account.clock.now()
        return try account.write([.iam]) { db in
            try account.authorize(caller, "sts:AssumeRole", roleARN, context: context, db: db)
            guard let parsed = RoleARN(roleARN), parsed.accountID == account.accountID,
                  let role = try Row.fetchOne(db, sql: "SELECT * FROM iam_roles WHERE name = ?", arguments: [parsed.name]),
                  role["path"] == parsed.path
            else {
                throw EngineError(code: "AccessDenied", httpStatus: 403,
                                  message: "User: \(caller.arn(accountID: account.accountID)) is not authorized to perform: sts:AssumeRole on resource: \(roleARN) because no role with that ARN exists in account \(account.accountID). Check the role's name and path (ListRoles).",
                                  resource: roleARN)
            }
            let maxSession: Int = role["max_session_duration"]
            if durationSeconds > maxSession {
                throw EngineError.iamValidation(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role. \(roleARN) allows at most \(maxSession) seconds; ask for less, or raise it with UpdateRole.")
            }
            if chained && durationSeconds > Self.chainedMaxDuration {
                throw EngineError.iamValidation(
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining. Ask for 3600 seconds or less.")
            }
            let roleID: String = role["id"]
            let roleName: String = role["name"]
            let rolePath: String = role["path"]
            let credentials = TemporaryCredentials(
                accessKeyID: CredentialFactory.temporaryAccessKeyID(account.ids), secretAccessKey: CredentialFactory.secret(account.ids),
                sessionToken: CredentialFactory.sessionToken(account.ids), expiration: now.addingTimeInterval(TimeInterval(durationSeconds)))
            try db.execute(sql: "DELETE FROM sts_sessions WHERE expires_at < ?",
                           arguments: [now.timeIntervalSince1970 - Self.expiredSessionRetention])
            try db.execute(sql: """
                INSERT INTO sts_sessions(access_key_id, secret, session_token, role_id, role_name, role_path, session_name,
                                         source_arn, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [credentials.accessKeyID, credentials.secretAccessKey, credentials.sessionToken, roleID, roleName,
                                 rolePath, sessionName, caller.arn(accountID: account.accountID), now.timeIntervalSince1970,
                                 credentials.expiration.timeIntervalSince1970])
            try db.execute(sql: "UPDATE iam_roles SET last_used_at = ?, last_used_region = ? WHERE id = ?",
                           arguments: [now.timeIntervalSince1970, account.region, roleID])
            var session = Caller(identity: .assumedRole(roleName: roleName, roleID: roleID, rolePath: rolePath, sessionName: sessionName))
            session.origin = Self.origin(ofSessionStartedBy: caller.arn(accountID: account.accountID), sessionName: sessionName)
            return AssumedRole(credentials: credentials, assumedRoleARN: session.arn(accountID: account.accountID),
                               assumedRoleID: session.principalID(accountID: account.accountID), caller: session)
        }
    }

    /// A session Lambda started for a function (named after it) acts for that function, in the trail.
    static func origin(ofSessionStartedBy source: String, sessionName: String) -> CallOrigin {
        source == "lambda.amazonaws.com" ? .function(name: sessionName) : .engine
    }

    // MARK: - GetCallerIdentity

    /// GetCallerIdentity: who the caller is. Needs no permission, as on AWS.
    public func getCallerIdentity(caller: Caller) -> CallerIdentity {
        CallerIdentity(userID: caller.principalID(accountID: account.accountID), account: account.accountID,
                       arn: caller.arn(accountID: account.accountID))
    }

    // MARK: - Validation

    static func validate(roleARN: String, sessionName: String, durationSeconds: Int) throws {
        var violations: [ParameterViolation] = []
        let arnLength = roleARN.unicodeScalars.count
        if arnLength < 20 {
            violations.append(ParameterViolation(member: "roleArn", value: roleARN, constraint: "Member must have length greater than or equal to 20"))
        } else if arnLength > 2048 {
            violations.append(ParameterViolation(member: "roleArn", value: roleARN, constraint: "Member must have length less than or equal to 2048"))
        }
        var nameViolations = IAMNames.nameViolations(sessionName, member: "roleSessionName", min: 2, max: sessionNameMax)
        nameViolations = nameViolations.map { violation in
            var adjusted = violation
            adjusted.constraint = adjusted.constraint.replacingOccurrences(of: "[\\w+=,.@-]+", with: "[\\w+=,.@-]*")
            return adjusted
        }
        violations += nameViolations
        if durationSeconds < minDuration {
            violations.append(ParameterViolation(member: "durationSeconds", number: durationSeconds,
                                                 constraint: "Member must have value greater than or equal to \(minDuration)"))
        } else if durationSeconds > maxDuration {
            violations.append(ParameterViolation(member: "durationSeconds", number: durationSeconds,
                                                 constraint: "Member must have value less than or equal to \(maxDuration)"))
        }
        try IAMNames.require(violations)
        if arnLength >= 20, RoleARN(roleARN) == nil {
            throw EngineError.iamValidation(
                "\(roleARN) is not a valid role ARN. A role ARN looks like arn:aws:iam::123456789012:role/NAME (GetRole shows it).")
        }
    }
}
