/// A tag on a user or role; keys are unique without regard to case, as in IAM.
public struct IAMTag: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
