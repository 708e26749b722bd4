import AWSSignature
import CloudEngine
import Foundation
import IAMPolicy

/// IAM's response shapes (botocore's `iam/2010-05-08` model) written from the engine's values: one function per
/// shape, reused by every action that returns it.
enum IAMShapes {
    static let namespace = "https://iam.amazonaws.com/doc/2010-05-08/"

    /// IAM's timestamps: ISO 8601 in UTC to the second, `2026-12-02T03:32:41Z`.
    static func date(_ date: Date) -> String {
        UTCTimestamp(date).iso8601
    }

    /// Policy documents come back URL-encoded, as IAM returns them (RFC 3986: all but the unreserved characters
    /// percent-encoded); boto3 and the aws CLI decode them back to JSON.
    static func policyDocument(_ text: String) -> String {
        URIEncoding.encode(text)
    }

    // MARK: - Principals

    /// `User`. Tags and the boundary only where GetUser and CreateUser give them (ListUsers does not).
    static func user(_ user: IAMUser, full: Bool = true) -> String {
        XMLText.element("Path", user.path) + XMLText.element("UserName", user.name) + XMLText.element("UserId", user.id)
            + XMLText.element("Arn", user.arn) + XMLText.element("CreateDate", date(user.createdAt))
            + (full ? boundary(user.permissionsBoundary) + tags(user.tags) : "")
    }

    /// `Role`. ListRoles leaves out the tags, the boundary and RoleLastUsed, as IAM's does.
    static func role(_ role: IAMRole, full: Bool = true) -> String {
        var xml = XMLText.element("Path", role.path) + XMLText.element("RoleName", role.name) + XMLText.element("RoleId", role.id)
            + XMLText.element("Arn", role.arn) + XMLText.element("CreateDate", date(role.createdAt))
            + XMLText.element("AssumeRolePolicyDocument", policyDocument(role.trustPolicy))
            + XMLText.element("Description", role.description)
            + XMLText.element("MaxSessionDuration", String(role.maxSessionDuration))
        if full {
            xml += boundary(role.permissionsBoundary) + tags(role.tags)
            xml += XMLText.wrapped("RoleLastUsed", XMLText.element("LastUsedDate", role.lastUsedAt.map(date))
                                   + XMLText.element("Region", role.lastUsedRegion))
        }
        return xml
    }

    static func group(_ group: IAMGroup) -> String {
        XMLText.element("Path", group.path) + XMLText.element("GroupName", group.name) + XMLText.element("GroupId", group.id)
            + XMLText.element("Arn", group.arn) + XMLText.element("CreateDate", date(group.createdAt))
    }

    static func tag(_ tag: IAMTag) -> String {
        XMLText.element("Key", tag.key) + XMLText.element("Value", tag.value)
    }

    /// `Tags`, left out when there are none (as IAM leaves it out).
    static func tags(_ tags: [IAMTag]) -> String {
        tags.isEmpty ? "" : XMLText.members("Tags", tags, tag)
    }

    static func boundary(_ arn: String?) -> String {
        guard let arn else { return "" }
        return XMLText.wrapped("PermissionsBoundary", XMLText.element("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
                               + XMLText.element("PermissionsBoundaryArn", arn))
    }

    // MARK: - Access keys

    static func accessKey(_ key: AccessKey) -> String {
        XMLText.element("UserName", key.userName) + XMLText.element("AccessKeyId", key.accessKeyID)
            + XMLText.element("Status", key.status.rawValue) + XMLText.element("SecretAccessKey", key.secretAccessKey)
            + XMLText.element("CreateDate", date(key.createdAt))
    }

    static func accessKeyMetadata(_ key: AccessKeyMetadata) -> String {
        XMLText.element("UserName", key.userName) + XMLText.element("AccessKeyId", key.accessKeyID)
            + XMLText.element("Status", key.status.rawValue) + XMLText.element("CreateDate", date(key.createdAt))
    }

    // MARK: - Managed policies

    static func policy(_ policy: IAMManagedPolicy) -> String {
        XMLText.element("PolicyName", policy.name) + XMLText.element("PolicyId", policy.id) + XMLText.element("Arn", policy.arn)
            + XMLText.element("Path", policy.path) + XMLText.element("DefaultVersionId", policy.defaultVersionID)
            + XMLText.element("AttachmentCount", String(policy.attachmentCount))
            + XMLText.element("IsAttachable", "true") + XMLText.element("Description", policy.description)
            + XMLText.element("CreateDate", date(policy.createdAt)) + XMLText.element("UpdateDate", date(policy.updatedAt))
    }

    /// `PolicyVersion`; ListPolicyVersions leaves the document out, as IAM does.
    static func version(_ version: ManagedPolicyVersion, withDocument: Bool = true) -> String {
        (withDocument ? XMLText.element("Document", policyDocument(version.document)) : "")
            + XMLText.element("VersionId", version.versionID)
            + XMLText.element("IsDefaultVersion", version.isDefault ? "true" : "false")
            + XMLText.element("CreateDate", date(version.createdAt))
    }

    static func attachedPolicy(_ policy: AttachedPolicy) -> String {
        XMLText.element("PolicyName", policy.name) + XMLText.element("PolicyArn", policy.arn)
    }
}
