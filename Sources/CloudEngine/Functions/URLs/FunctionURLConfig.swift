import Foundation
import GRDB

/// A function URL: a dedicated HTTP address that invokes the function (CreateFunctionUrlConfig).
public struct FunctionURLConfig: Sendable, Equatable {
    public var functionName: String
    /// `arn:aws:lambda:REGION:ACCOUNT:function:NAME` (with `:QUALIFIER` for an alias's URL).
    public var functionARN: String
    /// The 32 lower-case letters and digits of `https://<id>.lambda-url.<region>.on.aws/`.
    public var urlID: String
    /// `NONE` (anyone the function policy lets call `lambda:InvokeFunctionUrl`) or `AWS_IAM` (SigV4).
    public var authType: String
    /// The `Cors` object as JSON text, as it was given; nil when none.
    public var cors: String?
    /// `BUFFERED` or `RESPONSE_STREAM`.
    public var invokeMode: String
    public var creationTime: Date
    public var lastModifiedTime: Date
}

/// A row of `function_url_configs`.
struct FunctionURLRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "function_url_configs"

    var functionName: String
    /// "" for the unqualified function.
    var qualifier: String
    var urlId: String
    var authType: String
    var cors: String?
    var invokeMode: String
    var createdAt: Double
    var lastModified: Double

    enum CodingKeys: String, CodingKey {
        case functionName = "function_name"
        case qualifier
        case urlId = "url_id"
        case authType = "auth_type"
        case cors
        case invokeMode = "invoke_mode"
        case createdAt = "created_at"
        case lastModified = "last_modified"
    }
}

extension FunctionsSchema {
    /// `v6-function-urls`: each function (or alias) may have one URL, found by its id when a request arrives.
    static func v6FunctionURLs(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE function_url_configs (
                function_name TEXT NOT NULL REFERENCES functions(name) ON DELETE CASCADE,
                qualifier TEXT NOT NULL DEFAULT '',
                url_id TEXT NOT NULL UNIQUE,
                auth_type TEXT NOT NULL CHECK (auth_type IN ('NONE', 'AWS_IAM')),
                cors TEXT,
                invoke_mode TEXT NOT NULL DEFAULT 'BUFFERED',
                created_at REAL NOT NULL,
                last_modified REAL NOT NULL,
                PRIMARY KEY (function_name, qualifier)
            );
            """)
    }
}
