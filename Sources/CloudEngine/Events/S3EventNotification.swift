import Crypto
import Foundation
import IAMPolicy

/// The JSON S3 sends to a function for an object event (event structure version 2.1), as
/// `{"Records": [...]}`. Field names and nesting follow AWS's "Event message structure".
public struct S3EventNotification: Codable, Sendable, Equatable {
    public var records: [S3EventRecord]

    enum CodingKeys: String, CodingKey {
        case records = "Records"
    }

    /// The compact JSON a function receives, its keys in the order AWS's documentation shows them
    /// (JSONEncoder on Linux does not keep declaration order, and a handler printing the event would show it scrambled).
    public func jsonData() throws -> Data {
        Data(OrderedJSON.object([("Records", .array(records.map(\.orderedJSON)))]).text.utf8)
    }
}

extension S3EventRecord {
    var orderedJSON: OrderedJSON {
        var object: [(String, OrderedJSON)] = [("key", .string(s3.object.key))]
        if let size = s3.object.size { object.append(("size", .integer(size))) }
        if let eTag = s3.object.eTag { object.append(("eTag", .string(eTag))) }
        object.append(("sequencer", .string(s3.object.sequencer)))
        return .object([
            ("eventVersion", .string(eventVersion)),
            ("eventSource", .string(eventSource)),
            ("awsRegion", .string(awsRegion)),
            ("eventTime", .string(eventTime)),
            ("eventName", .string(eventName)),
            ("userIdentity", .object([("principalId", .string(userIdentity.principalId))])),
            ("requestParameters", .object([("sourceIPAddress", .string(requestParameters.sourceIPAddress))])),
            ("responseElements", .object([("x-amz-request-id", .string(responseElements.requestID)),
                                          ("x-amz-id-2", .string(responseElements.hostID))])),
            ("s3", .object([
                ("s3SchemaVersion", .string(s3.s3SchemaVersion)),
                ("configurationId", .string(s3.configurationId)),
                ("bucket", .object([("name", .string(s3.bucket.name)),
                                    ("ownerIdentity", .object([("principalId", .string(s3.bucket.ownerIdentity.principalId))])),
                                    ("arn", .string(s3.bucket.arn))])),
                ("object", .object(object)),
            ])),
        ])
    }
}

/// JSON whose objects keep their keys in the order given.
enum OrderedJSON {
    case object([(String, OrderedJSON)])
    case array([OrderedJSON])
    case string(String)
    case integer(Int64)

    var text: String {
        switch self {
        case .object(let members):
            return "{" + members.map { JSONString.quoted($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        case .array(let items):
            return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .string(let value):
            return JSONString.quoted(value)
        case .integer(let value):
            return String(value)
        }
    }
}

public struct S3EventRecord: Codable, Sendable, Equatable {
    public struct Principal: Codable, Sendable, Equatable {
        public var principalId: String
    }

    public struct RequestParameters: Codable, Sendable, Equatable {
        public var sourceIPAddress: String
    }

    public struct ResponseElements: Codable, Sendable, Equatable {
        public var requestID: String
        public var hostID: String

        enum CodingKeys: String, CodingKey {
            case requestID = "x-amz-request-id"
            case hostID = "x-amz-id-2"
        }
    }

    public struct S3Entity: Codable, Sendable, Equatable {
        public var s3SchemaVersion: String
        public var configurationId: String
        public var bucket: Bucket
        public var object: Object
    }

    public struct Bucket: Codable, Sendable, Equatable {
        public var name: String
        public var ownerIdentity: Principal
        public var arn: String
    }

    /// `key` is URL-encoded as S3 does (space as `+`, `/` kept). `size` and `eTag` are absent on deletes.
    public struct Object: Codable, Sendable, Equatable {
        public var key: String
        public var size: Int64?
        public var eTag: String?
        public var sequencer: String
    }

    public var eventVersion: String
    public var eventSource: String
    public var awsRegion: String
    public var eventTime: String
    /// Without the `s3:` prefix, e.g. `ObjectCreated:Put`.
    public var eventName: String
    public var userIdentity: Principal
    public var requestParameters: RequestParameters
    public var responseElements: ResponseElements
    public var s3: S3Entity
}

/// The object events this engine emits.
public enum S3ObjectEvent: String, Sendable, CaseIterable {
    case put = "ObjectCreated:Put"
    case copy = "ObjectCreated:Copy"
    case completeMultipartUpload = "ObjectCreated:CompleteMultipartUpload"
    case delete = "ObjectRemoved:Delete"
}

enum S3EventFormat {
    /// S3's encoding of keys in events: form encoding (space as `+`), with `/` kept.
    /// Letters, digits and `-_.*` stay as they are, as Java's URLEncoder leaves them; every other byte is `%XX`.
    static func encodeKey(_ key: String) -> String {
        var out = ""
        out.reserveCapacity(key.utf8.count)
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "*"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out.append("+")
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// ISO-8601 with milliseconds in UTC, e.g. `2026-01-01T00:00:00.000Z`.
    static func timestamp(_ date: Date) -> String {
        UTCTimestamp(date).iso8601Milliseconds
    }

    /// The id S3 shows for the account's root and as the bucket owner: a stable, canonical-looking
    /// id derived from the account id (`A` and 13 uppercase letters and digits).
    static func ownerID(accountID: String) -> String {
        let digest = SHA256.hash(data: Data("overcast-owner:\(accountID)".utf8))
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return "A" + String(digest.prefix(13).map { alphabet[Int($0) % alphabet.count] })
    }

    /// `userIdentity.principalId`: `AWS:AIDA…` for users, `AWS:AROA…:session` for role sessions,
    /// the owner id for the root, and the service name for a service.
    static func principalID(_ caller: Caller, accountID: String) -> String {
        switch caller.identity {
        case .root: return ownerID(accountID: accountID)
        case let .user(_, id, _): return "AWS:" + id
        case let .assumedRole(_, roleID, _, sessionName): return "AWS:\(roleID):\(sessionName)"
        case let .service(name): return name
        case .anonymous: return "anonymous"
        }
    }
}
