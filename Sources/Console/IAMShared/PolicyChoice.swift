import CloudEngine

/// A managed policy the picker offers: AWS managed from the catalog, or the account's own.
public struct PolicyChoice: Sendable, Hashable {
    public var arn: String
    public var name: String
    public var isAWSManaged: Bool
    public var description: String?
    /// The default version's document, for the preview (nil when it could not be read).
    public var document: String?

    public init(arn: String, name: String, isAWSManaged: Bool, description: String?, document: String?) {
        self.arn = arn
        self.name = name
        self.isAWSManaged = isAWSManaged
        self.description = description
        self.document = document
    }

    /// As the AWS console's Type column words it.
    public var typeTitle: String { isAWSManaged ? "AWS managed" : "Customer managed" }
}
