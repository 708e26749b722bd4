import CloudEngine
import IAMPolicy

/// STS's actions over `account.sts`: who the caller is, and role sessions.
enum STSActions {
    static let table: [String: QueryAction] = [
        "GetCallerIdentity": getCallerIdentity,
        "AssumeRole": assumeRole,
    ]

    /// The account id as the root's UserId, `AIDA…` for a user, `AROA…:SESSION` for a role session, as AWS gives them.
    static func getCallerIdentity(_ call: QueryCall) throws -> String? {
        let identity = call.account.sts.getCallerIdentity(caller: call.caller)
        return XMLText.element("UserId", identity.userID) + XMLText.element("Account", identity.account)
            + XMLText.element("Arn", identity.arn)
    }

    /// Session policies, session tags and MFA change what a session may do; the engine does not keep them yet, so a
    /// request with them is refused rather than given a session with more (or other) rights than it asked for.
    /// `ExternalId` is passed on: a trust policy's `sts:ExternalId` condition sees it.
    static let unsupportedParameters = ["Policy", "PolicyArns", "Tags", "TransitiveTagKeys", "SerialNumber", "TokenCode",
                                        "SourceIdentity", "ProvidedContexts"]

    static func assumeRole(_ call: QueryCall) throws -> String? {
        for name in unsupportedParameters where call.optional(name) != nil || !call.parameters.memberPrefixes(name).isEmpty
            || !call.list(name).isEmpty {
            throw QueryService.unsupported("Overcast does not support AssumeRole's \(name) yet; assume the role without it.")
        }
        let session = try call.account.sts.assumeRole(
            roleARN: try call.required("RoleArn"), sessionName: try call.required("RoleSessionName"),
            durationSeconds: try call.integer("DurationSeconds") ?? 3600, externalID: call.optional("ExternalId"), caller: call.caller)
        let credentials = session.credentials
        return XMLText.wrapped("Credentials", XMLText.element("AccessKeyId", credentials.accessKeyID)
                               + XMLText.element("SecretAccessKey", credentials.secretAccessKey)
                               + XMLText.element("SessionToken", credentials.sessionToken)
                               + XMLText.element("Expiration", UTCTimestamp(credentials.expiration).iso8601))
            + XMLText.wrapped("AssumedRoleUser", XMLText.element("AssumedRoleId", session.assumedRoleID)
                              + XMLText.element("Arn", session.assumedRoleARN))
    }
}
