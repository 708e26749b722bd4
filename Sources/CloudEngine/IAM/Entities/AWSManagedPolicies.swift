import Foundation
import IAMPolicy

/// The AWS managed policies as IAM's entities see them: ARNs owned by AWS, read from `ManagedPolicyCatalog`.
///
/// They belong to AWS, not to the account, so they are not in the database:
/// attachments name them by ARN and the catalog supplies their documents.
enum AWSManagedPolicies {
    static let arnPrefix = "arn:aws:iam::aws:policy/"

    /// AWS does not publish when each policy was made; IAM's own launch of managed policies stands in.
    static let createdAt = Date(timeIntervalSince1970: 1_423_180_800)  // 2015-02-06

    /// Whether the ARN is in AWS's namespace (whether or not the catalog has it).
    static func isAWSManaged(_ arn: String) -> Bool { arn.hasPrefix(arnPrefix) }

    static func policy(_ arn: String) -> ManagedPolicy? { ManagedPolicyCatalog.policy(arn: arn) }

    static var all: [ManagedPolicy] { ManagedPolicyCatalog.all }
}
