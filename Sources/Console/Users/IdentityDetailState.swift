import CloudEngine
import Foundation
import TerminalUI

/// The tabs of a user (permissions, groups, access keys, tags) or a group (permissions, members).
public enum IdentityTab: Int, CaseIterable, Sendable, Hashable {
    case permissions
    case groups
    case accessKeys
    case tags
    case members

    public var title: String {
        switch self {
        case .permissions: return "Permissions"
        case .groups: return "Groups"
        case .accessKeys: return "Access keys"
        case .tags: return "Tags"
        case .members: return "Members"
        }
    }

    static func tabs(_ kind: IAMEntity.Kind) -> [IdentityTab] {
        kind == .group ? [.permissions, .members] : [.permissions, .groups, .accessKeys, .tags]
    }
}

/// One user or group, open.
public struct IdentityDetailState: Sendable {
    public var entity: IAMEntity
    public var tab: IdentityTab = .permissions
    public var data: IdentityDetailData?
    public var error: ConsoleError?
    /// The permission under the cursor (managed policies first, then inline ones).
    public var permissionIndex = 0
    /// Lines scrolled in the selected permission's document.
    public var documentScroll = 0
    /// The row under the cursor in the groups, access keys or members tab.
    public var rowIndex = 0

    public init(entity: IAMEntity, tab: IdentityTab = .permissions) {
        self.entity = entity
        self.tab = tab
    }

    public var name: String { entity.name }
    public var tabs: [IdentityTab] { IdentityTab.tabs(entity.kind) }
    public var permissions: [EntityPermission] { data?.permissions ?? [] }

    public var selectedPermission: EntityPermission? {
        permissions.indices.contains(permissionIndex) ? permissions[permissionIndex] : nil
    }

    /// The rows of the tab shown, when it is a list of names or keys.
    public var rowCount: Int {
        switch tab {
        case .groups: return data?.groups.count ?? 0
        case .accessKeys: return data?.keys.count ?? 0
        case .members: return data?.members.count ?? 0
        case .permissions, .tags: return 0
        }
    }

    public var selectedKey: AccessKeyRow? {
        guard tab == .accessKeys, let keys = data?.keys, keys.indices.contains(rowIndex) else { return nil }
        return keys[rowIndex]
    }

    /// The group (groups tab) or user (members tab) under the cursor.
    public var selectedName: String? {
        let names = tab == .groups ? data?.groups : tab == .members ? data?.members : nil
        guard let names, names.indices.contains(rowIndex) else { return nil }
        return names[rowIndex]
    }
}

/// Everything a user's or group's detail shows, loaded together.
public struct IdentityDetailData: Sendable, Equatable {
    public var entity: IAMEntity
    public var arn: String
    public var path: String
    public var createdAt: Date
    public var tags: [IAMTag]
    public var permissions: [EntityPermission]
    /// A user's groups.
    public var groups: [String]
    /// A user's access keys, oldest first.
    public var keys: [AccessKeyRow]
    /// A group's members.
    public var members: [String]

    public init(entity: IAMEntity, arn: String, path: String, createdAt: Date, tags: [IAMTag] = [],
                permissions: [EntityPermission], groups: [String] = [], keys: [AccessKeyRow] = [], members: [String] = []) {
        self.entity = entity
        self.arn = arn
        self.path = path
        self.createdAt = createdAt
        self.tags = tags
        self.permissions = permissions
        self.groups = groups
        self.keys = keys
        self.members = members
    }
}

/// An access key, without its secret, and when it last signed a request.
public struct AccessKeyRow: Sendable, Equatable {
    public var key: AccessKeyMetadata
    public var lastUsed: AccessKeyLastUsed?

    public init(key: AccessKeyMetadata, lastUsed: AccessKeyLastUsed?) {
        self.key = key
        self.lastUsed = lastUsed
    }
}
