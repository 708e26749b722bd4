import Foundation

/// How an account is opened: the injected clock, id source and authorizer, and defaults for a new account.
public struct AccountOptions: Sendable {
    public var clock: any EngineClock
    public var ids: any IDGenerator
    /// Decides every call; `nil` means the account's standard authorizer.
    public var authorizer: (any Authorizer)?
    /// The default region of a newly created account.
    public var region: String
    /// The id of a newly created account; random (12 digits) when nil.
    public var accountID: String?
    /// Whether opening frees the bodies of uploads whose process died. The console says no and does it in the
    /// background after its first frame (`StorageService.discardAbandonedUploads`), as a large one takes seconds.
    public var discardsAbandonedUploadsAtOpen = true
    /// Whether authorization decisions are kept in the activity trail (off only to measure what it costs).
    public var recordsActivity = true
    /// How much of the trail is kept.
    public var activityWindow = ActivityWindow.standard

    public init(clock: any EngineClock = SystemClock(), ids: any IDGenerator = SystemIDGenerator(),
                authorizer: (any Authorizer)? = nil, region: String = "us-east-1", accountID: String? = nil) {
        self.clock = clock
        self.ids = ids
        self.authorizer = authorizer
        self.region = region
        self.accountID = accountID
    }
}
