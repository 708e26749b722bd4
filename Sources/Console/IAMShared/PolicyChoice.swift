import CloudEngine

/// A managed policy the picker offers: AWS managed from the catalog, or the account's own.
public struct PolicyChoice: Sendable, Hashable {
    public var arn: String
    public var name: String
    public var isAWSManaged: Bool
    public var description: String?
    /// The default version's document, for the preview (nil when it could not be read).
    public var document: String?
    /// Name and description lowercased once, so filtering as a person types compares without converting.
    let lowercasedName: String
    let lowercasedDescription: String

    public init(arn: String, name: String, isAWSManaged: Bool, description: String?, document: String?) {
        self.arn = arn
        self.name = name
        self.isAWSManaged = isAWSManaged
        self.description = description
        self.document = document
        lowercasedName = name.lowercased()
        lowercasedDescription = description?.lowercased() ?? ""
    }

    /// As the AWS console's Type column words it.
    public var typeTitle: String { isAWSManaged ? "AWS managed" : "Customer managed" }
}

extension PolicyChoice {
    /// Every managed policy `caller` may attach, as the picker offers them.
    public static func available(account: Account, caller: Caller) throws -> [PolicyChoice] {
        try EntityPermissions.choices(account: account, caller: caller)
    }
}
