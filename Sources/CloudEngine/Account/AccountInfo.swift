import Foundation

/// The identity of an account: its 12-digit id, default region and when it was made.
public struct AccountInfo: Sendable, Equatable {
    public let accountID: String
    public let region: String
    public let createdAt: Date

    public init(accountID: String, region: String, createdAt: Date) {
        self.accountID = accountID
        self.region = region
        self.createdAt = createdAt
    }
}
