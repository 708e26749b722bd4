import Foundation
import IAMPolicy
import GRDB

extension STSService {
    // MARK: - Access key resolution

    /// Who `accessKeyID` stands for, with its secret, so a front end can check a SigV4 signature
    /// and then call the engine as that caller.
    ///
    /// Long-term keys (`AKIA…`) must be Active and come without a session token.
    /// Temporary keys (`ASIA…`) must come with their own session token and not be expired.
    /// Anything else is InvalidClientTokenId (403), or ExpiredToken (400) for an expired session.
    public func credentials(forAccessKey accessKeyID: String, sessionToken: String? = nil) throws -> ResolvedCredentials {
        let now = account.clock.now()
        return try account.read { db in
            if let key = try Row.fetchOne(db, sql: """
                SELECT k.secret, k.status, u.id AS user_id, u.name, u.path FROM iam_access_keys k
                LEFT JOIN iam_users u ON u.id = k.user_id WHERE k.id = ?
                """, arguments: [accessKeyID]) {
                guard key["status"] == AccessKeyStatus.active.rawValue else {
                    throw Self.invalidToken("The access key \(accessKeyID) is inactive; make it Active again (UpdateAccessKey) or use another key.")
                }
                if let sessionToken, !sessionToken.isEmpty {
                    throw Self.invalidToken("A session token was sent with the long-term access key \(accessKeyID); unset AWS_SESSION_TOKEN, or use the temporary credentials it belongs to.")
                }
                var caller: Caller
                if let userID: String = key["user_id"] {
                    let tags = try Row.fetchAll(db, sql: "SELECT key, value FROM iam_tags WHERE principal_kind = 'user' AND principal_id = ?",
                                                arguments: [userID])
                    caller = Caller(identity: .user(name: key["name"], id: userID, path: key["path"]),
                                    principalTags: Dictionary(tags.map { ($0["key"], $0["value"]) }, uniquingKeysWith: { _, last in last }))
                } else {
                    caller = .root
                }
                caller.accessKeyID = accessKeyID
                return ResolvedCredentials(accessKeyID: accessKeyID, secretAccessKey: key["secret"], caller: caller, expiration: nil)
            }
            if let session = try Row.fetchOne(db, sql: "SELECT * FROM sts_sessions WHERE access_key_id = ?", arguments: [accessKeyID]) {
                guard let sessionToken, sessionToken == session["session_token"] else {
                    throw Self.invalidToken("The session token does not belong to the temporary access key \(accessKeyID); send the token AssumeRole returned with it.")
                }
                let expiration = Date(timeIntervalSince1970: session["expires_at"])
                guard expiration > now else {
                    throw EngineError(code: "ExpiredToken", httpStatus: 400,
                                      message: "The security token included in the request is expired. The session ended at \(Self.timestamp(expiration)); call AssumeRole again for new credentials.")
                }
                var caller = Caller(identity: .assumedRole(roleName: session["role_name"], roleID: session["role_id"],
                                                           rolePath: session["role_path"], sessionName: session["session_name"]))
                caller.origin = STSService.origin(ofSessionStartedBy: session["source_arn"], sessionName: session["session_name"])
                caller.accessKeyID = accessKeyID
                return ResolvedCredentials(accessKeyID: accessKeyID, secretAccessKey: session["secret"], caller: caller,
                                           expiration: expiration)
            }
            throw Self.invalidToken("No access key \(accessKeyID) exists in account \(account.accountID); check AWS_ACCESS_KEY_ID (ListAccessKeys shows a user's keys).")
        }
    }

    static func invalidToken(_ detail: String) -> EngineError {
        EngineError(code: "InvalidClientTokenId", httpStatus: 403,
                    message: "The security token included in the request is invalid. \(detail)")
    }

    static func timestamp(_ date: Date) -> String {
        UTCTimestamp(date).iso8601
    }
}
