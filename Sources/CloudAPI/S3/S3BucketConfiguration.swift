import CloudEngine
import Foundation

/// Bucket policy, its status, the read-only settings clients ask for (versioning, ACLs, tagging, encryption).
/// Notification configuration is in `S3NotificationXML`.
struct S3BucketConfiguration {
    let account: Account
    let caller: Caller
    let requestID: String

    /// The bucket sub-resources answered here, by method.
    static func handles(_ method: String, _ resource: String) -> Bool {
        switch (method, resource) {
        case ("GET", "policy"), ("PUT", "policy"), ("DELETE", "policy"), ("GET", "policyStatus"), ("GET", "notification"),
             ("PUT", "notification"), ("GET", "versioning"), ("GET", "acl"), ("GET", "tagging"), ("GET", "encryption"):
            return true
        default:
            return false
        }
    }

    func handle(_ method: String, _ resource: String, bucket: String, request: APIRequest) throws -> APIResponse {
        let storage = account.storage
        let namespace = #" xmlns="\#(S3Handler.namespace)""#
        switch (method, resource) {
        case ("GET", "policy"):
            let policy = try storage.bucketPolicy(bucket: bucket, caller: caller)
            return APIResponse(headers: [("Content-Type", "application/json"), ("x-amz-request-id", requestID)], body: Data(policy.utf8))
        case ("PUT", "policy"):
            guard let policy = String(data: request.body, encoding: .utf8) else {
                throw EngineError.malformedPolicy("Policies must be valid JSON and the first byte must be '{'")
            }
            try storage.putBucketPolicy(bucket: bucket, policy: policy, caller: caller)
            return APIResponse(status: 204, headers: [("x-amz-request-id", requestID)])
        case ("DELETE", "policy"):
            try storage.deleteBucketPolicy(bucket: bucket, caller: caller)
            return APIResponse(status: 204, headers: [("x-amz-request-id", requestID)])
        case ("GET", "policyStatus"):
            let isPublic = try storage.bucketPolicyIsPublic(bucket: bucket, caller: caller)
            return xml("<PolicyStatus\(namespace)>" + XMLText.element("IsPublic", isPublic ? "true" : "false") + "</PolicyStatus>")
        case ("GET", "notification"):
            let configuration = try storage.notificationConfiguration(bucket: bucket, caller: caller)
            return xml(S3NotificationXML.write(configuration))
        case ("PUT", "notification"):
            let configuration = try S3NotificationXML.read(request.body)
            try storage.putNotificationConfiguration(bucket: bucket, configuration, checkingDestinations: true, caller: caller)
            return APIResponse(headers: [("x-amz-request-id", requestID)])
        case ("GET", "versioning"):
            try storage.readFixedSetting(.versioning, bucket: bucket, caller: caller)
            return xml("<VersioningConfiguration\(namespace)/>")
        case ("GET", "acl"):
            try storage.readFixedSetting(.acl, bucket: bucket, caller: caller)
            return xml(ownerFullControl)
        case ("GET", "tagging"):
            try storage.readFixedSetting(.tagging, bucket: bucket, caller: caller)
            return xml("<Tagging\(namespace)><TagSet/></Tagging>")
        case ("GET", "encryption"):
            try storage.readFixedSetting(.encryption, bucket: bucket, caller: caller)
            return xml("<ServerSideEncryptionConfiguration\(namespace)><Rule><ApplyServerSideEncryptionByDefault>"
                       + XMLText.element("SSEAlgorithm", "AES256") + "</ApplyServerSideEncryptionByDefault>"
                       + XMLText.element("BucketKeyEnabled", "false") + "</Rule></ServerSideEncryptionConfiguration>")
        default:
            throw EngineError(code: "NotImplemented", httpStatus: 501,
                              message: "A header or query you provided requested a function that is not implemented (\(method) ?\(resource)).")
        }
    }

    /// GetObjectAcl: the owner's FULL_CONTROL grant, once the object is there and the caller may read its ACL.
    func objectACL(bucket: String, key: String) throws -> APIResponse {
        try account.storage.readObjectACL(bucket: bucket, key: key, caller: caller)
        return xml(ownerFullControl)
    }

    /// The one grant every bucket and object has here: the account owner's FULL_CONTROL.
    private var ownerFullControl: String {
        let owner = XMLText.element("ID", account.accountID) + XMLText.element("DisplayName", "overcast")
        return #"<AccessControlPolicy xmlns="\#(S3Handler.namespace)"><Owner>"# + owner + "</Owner><AccessControlList><Grant>"
            + #"<Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">"# + owner + "</Grantee>"
            + XMLText.element("Permission", "FULL_CONTROL") + "</Grant></AccessControlList></AccessControlPolicy>"
    }

    private func xml(_ body: String) -> APIResponse {
        .xml(XMLText.declaration + body, headers: [("x-amz-request-id", requestID)])
    }
}
