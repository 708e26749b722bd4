import Foundation

extension EngineError {
    public static func invalidBucketName(_ name: String, rule: String) -> EngineError {
        EngineError(code: "InvalidBucketName", httpStatus: 400,
                    message: "The specified bucket is not valid: \(name). \(rule)", resource: name)
    }

    public static func noSuchBucket(_ name: String) -> EngineError {
        EngineError(code: "NoSuchBucket", httpStatus: 404,
                    message: "The specified bucket does not exist: \(name)", resource: name)
    }

    public static func bucketAlreadyOwnedByYou(_ name: String) -> EngineError {
        EngineError(code: "BucketAlreadyOwnedByYou", httpStatus: 409,
                    message: "Your previous request to create the named bucket succeeded and you already own it: \(name)",
                    resource: name)
    }

    public static func bucketNotEmpty(_ name: String, objectCount: Int) -> EngineError {
        EngineError(code: "BucketNotEmpty", httpStatus: 409,
                    message: "The bucket you tried to delete is not empty: \(name) holds \(objectCount) object\(objectCount == 1 ? "" : "s"). Delete them first.",
                    resource: name)
    }

    public static func noSuchKey(bucket: String, key: String) -> EngineError {
        EngineError(code: "NoSuchKey", httpStatus: 404,
                    message: "The specified key does not exist: s3://\(bucket)/\(key)", resource: key)
    }

    public static func keyTooLong(_ key: String) -> EngineError {
        EngineError(code: "KeyTooLongError", httpStatus: 400,
                    message: "Your key is too long: object keys can be at most 1024 bytes of UTF-8 (this one is \(key.utf8.count)).",
                    resource: key)
    }

    public static func invalidRange(size: Int64) -> EngineError {
        EngineError(code: "InvalidRange", httpStatus: 416,
                    message: "The requested range is not satisfiable: the object is \(size) bytes long.")
    }

    public static func metadataTooLarge(_ bytes: Int) -> EngineError {
        EngineError(code: "MetadataTooLarge", httpStatus: 400,
                    message: "Your metadata headers exceed the maximum allowed metadata size: user metadata is limited to 2 KB (this is \(bytes) bytes).")
    }

    public static func invalidStorageClass(_ value: String) -> EngineError {
        EngineError(code: "InvalidStorageClass", httpStatus: 400,
                    message: "The storage class you specified is not valid: \(value). Use one of \(ObjectInfo.storageClasses.sorted().joined(separator: ", ")).")
    }

    public static func noSuchBucketPolicy(_ bucket: String) -> EngineError {
        EngineError(code: "NoSuchBucketPolicy", httpStatus: 404,
                    message: "The bucket policy does not exist: \(bucket) has no bucket policy.", resource: bucket)
    }

    public static func malformedPolicy(_ message: String) -> EngineError {
        EngineError(code: "MalformedPolicy", httpStatus: 400, message: message)
    }

    /// NoSuchConfiguration (404), S3's error for a configuration id a bucket does not have.
    public static func noSuchConfiguration(_ message: String, resource: String? = nil) -> EngineError {
        EngineError(code: "NoSuchConfiguration", httpStatus: 404, message: "The specified configuration does not exist. \(message)",
                    resource: resource)
    }
}
