import Foundation

/// S3's general-purpose bucket naming rules, each with the sentence a person reads when it fails.
public enum BucketName {
    /// The first rule `name` breaks, or nil when it is a valid bucket name.
    public static func violation(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-".utf8)
        if let bad = name.first(where: { !$0.isASCII || !allowed.contains($0.asciiValue ?? 0) }) {
            if bad.isUppercase {
                return "Only lowercase letters are allowed: '\(bad)' is uppercase."
            }
            return "Only a-z, 0-9, dots (.) and hyphens (-) are allowed, not '\(bad)'."
        }
        if bytes.count < 3 || bytes.count > 63 {
            return "Must be 3 to 63 characters long (this one has \(bytes.count))."
        }
        let alphanumeric = Set("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        if let first = bytes.first, !alphanumeric.contains(first) {
            return "Must begin with a letter or number."
        }
        if let last = bytes.last, !alphanumeric.contains(last) {
            return "Must end with a letter or number."
        }
        if name.contains("..") {
            return "Must not contain two adjacent periods (..)."
        }
        if looksLikeIPAddress(name) {
            return "Must not be formatted as an IP address (like 192.168.5.4)."
        }
        for prefix in ["xn--", "sthree-", "amzn-s3-demo-"] where name.hasPrefix(prefix) {
            return "Must not start with the reserved prefix '\(prefix)'."
        }
        for suffix in ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"] where name.hasSuffix(suffix) {
            return "Must not end with the reserved suffix '\(suffix)'."
        }
        return nil
    }

    static func looksLikeIPAddress(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isNumber) && (Int(part) ?? 256) <= 255
        }
    }
}
