import Foundation

/// The AWS managed policies shipped with Overcast, read once from the bundled JSON files.
///
/// Each file holds PolicyName, Arn, Path, Description, DefaultVersionId and
/// Document, copied from the AWS Managed Policy Reference. A file that fails to
/// load is reported in `problems` rather than silently dropped.
public enum ManagedPolicyCatalog {
    /// Every bundled policy, by name.
    public static var all: [ManagedPolicy] { loaded.policies }

    /// Files that could not be read or parsed, with the reason.
    public static var problems: [String] { loaded.problems }

    /// The policy with this ARN, if it is in the catalog.
    public static func policy(arn: String) -> ManagedPolicy? { loaded.byARN[arn] }

    private struct Loaded: Sendable {
        var policies: [ManagedPolicy] = []
        var byARN: [String: ManagedPolicy] = [:]
        var problems: [String] = []
    }

    private static let loaded: Loaded = {
        var result = Loaded()
        guard let folder = Bundle.module.url(forResource: "ManagedPolicies", withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        else {
            result.problems.append("The managed policy catalog folder is missing from the Overcast bundle.")
            return result
        }
        for file in files.filter({ $0.pathExtension == "json" }).sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            do {
                let policy = try load(file)
                result.policies.append(policy)
                result.byARN[policy.arn] = policy
            } catch {
                result.problems.append("\(file.lastPathComponent): \(error)")
            }
        }
        return result
    }()

    static func load(_ file: URL) throws -> ManagedPolicy {
        let text = try String(contentsOf: file, encoding: .utf8)
        let json = try PolicyJSONParser.parse(text)
        func string(_ key: String) throws -> String {
            guard let value = json.member(key)?.scalarText else {
                throw MalformedPolicyDocument("catalog entry has no \(key)")
            }
            return value
        }
        guard let documentJSON = json.member("Document") else { throw MalformedPolicyDocument("catalog entry has no Document") }
        let documentText = documentJSON.prettyPrinted()
        return ManagedPolicy(
            name: try string("PolicyName"), arn: try string("Arn"), path: try string("Path"),
            description: try string("Description"), defaultVersionID: try string("DefaultVersionId"),
            documentText: documentText, document: try PolicyDocument(parsing: documentText, kind: .identity))
    }
}
