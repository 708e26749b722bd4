import CloudEngine
import Foundation
import TerminalUI

/// A user as the list shows it: its groups, its access keys and when one last signed a request.
public struct UserSummary: Sendable, Equatable {
    public var user: IAMUser
    public var groups: [String]
    public var keys: [AccessKeyMetadata]
    public var lastUsed: Date?

    public init(user: IAMUser, groups: [String], keys: [AccessKeyMetadata], lastUsed: Date?) {
        self.user = user
        self.groups = groups
        self.keys = keys
        self.lastUsed = lastUsed
    }

    /// "—", "1 active", "2 (1 active)".
    public var keysSummary: String {
        let active = keys.filter { $0.status == .active }.count
        if keys.isEmpty { return "—" }
        return active == keys.count ? "\(active) active" : "\(keys.count) (\(active) active)"
    }
}

/// A group as the list shows it.
public struct GroupSummary: Sendable, Equatable {
    public var group: IAMGroup
    public var members: [String]
    public var policies: Int

    public init(group: IAMGroup, members: [String], policies: Int) {
        self.group = group
        self.members = members
        self.policies = policies
    }
}
