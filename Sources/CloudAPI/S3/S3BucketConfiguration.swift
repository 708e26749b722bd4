import CloudEngine
import Foundation

/// Bucket policy, its status, the notification configuration, and the read-only settings clients ask for
/// (versioning, ACLs, encryption, tagging, CORS, … as `StorageService.FixedBucketSetting` lists them).
/// The notification configuration's XML is `S3NotificationXML`.
struct S3BucketConfiguration {
    let account: Account
    let caller: Caller
    let requestID: String

    /// The bucket sub-resources answered here, by method.
    static func handles(_ method: String, _ resource: String) -> Bool {
        switch (method, resource) {
        case ("GET", "policy"), ("PUT", "policy"), ("DELETE", "policy"), ("GET", "policyStatus"), ("GET", "notification"),
             ("PUT", "notification"):
            return true
        case ("GET", _):
            return StorageService.FixedBucketSetting(rawValue: resource) != nil
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
        case ("GET", _):
            guard let setting = StorageService.FixedBucketSetting(rawValue: resource) else { break }
            try storage.readFixedSetting(setting, bucket: bucket, caller: caller)
            guard let document = Self.defaultDocument(setting, owner: ownerFullControl) else { break }
            return xml(document)
        default:
            break
        }
        throw EngineError(code: "NotImplemented", httpStatus: 501,
                          message: "A header or query you provided requested a function that is not implemented (\(method) ?\(resource)).")
    }

    /// The document S3 answers for a setting a bucket has by default; nil for the ones a bucket here never has
    /// (the engine answered those with S3's "does not exist" error).
    static func defaultDocument(_ setting: StorageService.FixedBucketSetting, owner: String) -> String? {
        let namespace = #" xmlns="\#(S3Handler.namespace)""#
        switch setting {
        case .versioning: return "<VersioningConfiguration\(namespace)/>"
        case .acl: return owner
        case .encryption:
            return "<ServerSideEncryptionConfiguration\(namespace)><Rule><ApplyServerSideEncryptionByDefault>"
                + XMLText.element("SSEAlgorithm", "AES256") + "</ApplyServerSideEncryptionByDefault>"
                + XMLText.element("BucketKeyEnabled", "false") + "</Rule></ServerSideEncryptionConfiguration>"
        case .accelerate: return "<AccelerateConfiguration\(namespace)/>"
        case .requestPayment: return "<RequestPaymentConfiguration\(namespace)>" + XMLText.element("Payer", "BucketOwner") + "</RequestPaymentConfiguration>"
        case .logging: return "<BucketLoggingStatus\(namespace)/>"
        case .ownershipControls:
            return "<OwnershipControls\(namespace)><Rule>" + XMLText.element("ObjectOwnership", "BucketOwnerEnforced") + "</Rule></OwnershipControls>"
        case .tagging, .cors, .website, .lifecycle, .replication, .objectLock, .publicAccessBlock:
            return nil
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
