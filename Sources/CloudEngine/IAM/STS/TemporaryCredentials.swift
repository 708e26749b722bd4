import Foundation

/// Credentials that expire: what AssumeRole returns.
public struct TemporaryCredentials: Sendable, Equatable {
    /// `ASIA` and 16 more characters.
    public var accessKeyID: String
    public var secretAccessKey: String
    /// Must accompany every request signed with these credentials.
    public var sessionToken: String
    public var expiration: Date

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String, expiration: Date) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }
}

/// AssumeRole's answer: the credentials, who they make you, and the caller to hand to the engine.
public struct AssumedRole: Sendable, Equatable {
    public var credentials: TemporaryCredentials
    /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
    public var assumedRoleARN: String
    /// `AROA…:SESSION`.
    public var assumedRoleID: String
    /// The role session as a caller, for in-process use (the function runtime, the console).
    public var caller: Caller

    public init(credentials: TemporaryCredentials, assumedRoleARN: String, assumedRoleID: String, caller: Caller) {
        self.credentials = credentials
        self.assumedRoleARN = assumedRoleARN
        self.assumedRoleID = assumedRoleID
        self.caller = caller
    }
}

/// GetCallerIdentity's answer.
public struct CallerIdentity: Sendable, Equatable {
    /// The account id for the root, `AIDA…` for a user, `AROA…:SESSION` for a role session.
    public var userID: String
    public var account: String
    public var arn: String

    public init(userID: String, account: String, arn: String) {
        self.userID = userID
        self.account = account
        self.arn = arn
    }
}

/// Who an access key stands for, with its secret so a front end can check a SigV4 signature.
public struct ResolvedCredentials: Sendable, Equatable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var caller: Caller
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?

    public init(accessKeyID: String, secretAccessKey: String, caller: Caller, expiration: Date?) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.caller = caller
        self.expiration = expiration
    }
}
