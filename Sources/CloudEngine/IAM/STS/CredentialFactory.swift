/// Makes the random parts of credentials, from the account's injected id source.
enum CredentialFactory {
    /// The characters of secret access keys and session tokens (base64's).
    static let secretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    /// A 40-character secret access key.
    static func secret(_ ids: any IDGenerator) -> String {
        ids.string(40, alphabet: secretAlphabet)
    }

    /// `ASIA` and 16 characters: the access key id of temporary credentials.
    static func temporaryAccessKeyID(_ ids: any IDGenerator) -> String {
        "ASIA" + ids.upperAlphanumeric(16)
    }

    /// An opaque session token, as long as STS's usually are.
    static func sessionToken(_ ids: any IDGenerator) -> String {
        "IQoJb3JpZ2luX2Vj" + ids.string(340, alphabet: secretAlphabet)
    }
}
