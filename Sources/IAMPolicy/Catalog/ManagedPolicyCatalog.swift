import Foundation

/// The AWS managed policies shipped with Overcast, read once from the bundled JSON files.
///
/// Each file holds PolicyName, Arn, Path, DefaultVersionId, CreateDate, UpdateDate and
/// Document, generated from AWS's published documents by scripts/import-managed-policies.py,
/// and a Description where one is known. A file that fails to load is reported in `problems`
/// rather than silently dropped. Documents are parsed on demand (`ManagedPolicy.parsedDocument()`).
public enum ManagedPolicyCatalog {
    /// Every bundled policy, by name.
    public static var all: [ManagedPolicy] { shared.policies }

    /// Files that could not be read or parsed, with the reason.
    public static var problems: [String] { shared.problems }

    /// The policy with this ARN, if it is in the catalog.
    public static func policy(arn: String) -> ManagedPolicy? { shared.policy(arn: arn) }

    /// The policies whose name contains `query`, ignoring case, in name order.
    ///
    /// A picker calls this on every keystroke, so the lowercased names are kept ready
    /// rather than folded again for each call.
    public static func named(containing query: String) -> [ManagedPolicy] { shared.named(containing: query) }

    /// The catalog as read at first use; reading it again would only repeat the same work.
    private static let shared = Contents.readBundle()

    // MARK: - Contents

    /// One reading of the bundled files. Public so the benchmark can time a fresh read.
    public struct Contents: Sendable {
        public private(set) var policies: [ManagedPolicy] = []
        public private(set) var problems: [String] = []
        private var byARN: [String: ManagedPolicy] = [:]
        /// Lowercased names as UTF-8, index for index with `policies`: searched as bytes, since
        /// `String.contains` costs about 1 µs a name on Linux and this runs on every keystroke.
        private var foldedNames: [[UInt8]] = []

        public func policy(arn: String) -> ManagedPolicy? { byARN[arn] }

        public func named(containing query: String) -> [ManagedPolicy] {
            let folded = Array(query.lowercased().utf8)
            guard !folded.isEmpty else { return policies }
            return zip(policies, foldedNames).compactMap { Self.bytes($1, contain: folded) ? $0 : nil }
        }

        /// Whether `needle` occurs in `haystack` (both lowercased UTF-8, so a byte match is a character match).
        static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
            guard needle.count <= haystack.count else { return false }
            let first = needle[0]
            for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            return false
        }

        /// Reads every JSON file of the bundle's ManagedPolicies folder, in name order.
        public static func readBundle() -> Contents {
            var result = Contents()
            guard let folder = Bundle.module.url(forResource: "ManagedPolicies", withExtension: nil),
                  let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            else {
                result.problems.append("The managed policy catalog folder is missing from the Overcast bundle.")
                return result
            }
            let dates = ISO8601DateFormatter()
            // By policy name, not file name: "AdministratorAccess-Amplify.json" sorts before "AdministratorAccess.json".
            let jsonFiles = files.filter { $0.pathExtension == "json" }
                .map { (name: $0.deletingPathExtension().lastPathComponent, url: $0) }
                .sorted { $0.name < $1.name }
            for (_, file) in jsonFiles {
                do {
                    let policy = try ManagedPolicyCatalog.load(file, dates: dates)
                    if result.byARN[policy.arn] != nil {
                        result.problems.append("\(file.lastPathComponent): a second policy with ARN \(policy.arn)")
                        continue
                    }
                    result.policies.append(policy)
                    result.foldedNames.append(Array(policy.name.lowercased().utf8))
                    result.byARN[policy.arn] = policy
                } catch {
                    result.problems.append("\(file.lastPathComponent): \(error)")
                }
            }
            return result
        }
    }

    static func load(_ file: URL, dates: ISO8601DateFormatter = ISO8601DateFormatter()) throws -> ManagedPolicy {
        let text = try String(contentsOf: file, encoding: .utf8)
        let json = try PolicyJSONParser.parse(text)
        func string(_ key: String) throws -> String {
            guard let value = json.member(key)?.scalarText else {
                throw MalformedPolicyDocument("catalog entry has no \(key)")
            }
            return value
        }
        /// Dates are optional (hand-written entries may lack them) but must be dates when given.
        func date(_ key: String) throws -> Date? {
            guard let value = json.member(key)?.scalarText else { return nil }
            guard let date = dates.date(from: value) else {
                throw MalformedPolicyDocument("catalog entry's \(key) \(value) is not an ISO 8601 date")
            }
            return date
        }
        guard let documentJSON = json.member("Document") else { throw MalformedPolicyDocument("catalog entry has no Document") }
        return ManagedPolicy(
            name: try string("PolicyName"), arn: try string("Arn"), path: try string("Path"),
            description: json.member("Description")?.scalarText, defaultVersionID: try string("DefaultVersionId"),
            createdAt: try date("CreateDate"), updatedAt: try date("UpdateDate"),
            documentText: documentJSON.prettyPrinted())
    }
}
