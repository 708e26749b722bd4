import Foundation
import IAMPolicy

/// The AWS managed policies as IAM's entities see them: ARNs owned by AWS, read from `ManagedPolicyCatalog`.
///
/// They belong to AWS, not to the account, so they are not in the database:
/// attachments name them by ARN and the catalog supplies their documents.
enum AWSManagedPolicies {
    static let arnPrefix = "arn:aws:iam::aws:policy/"

    /// For a catalog entry without dates, IAM's own launch of managed policies stands in.
    static let launchedAt = Date(timeIntervalSince1970: 1_423_180_800)  // 2015-02-06

    /// When AWS made the policy, as the catalog records it.
    static func createdAt(_ entry: ManagedPolicy) -> Date { entry.createdAt ?? launchedAt }

    /// When AWS made the default version: the policy's last update.
    static func updatedAt(_ entry: ManagedPolicy) -> Date { entry.updatedAt ?? createdAt(entry) }

    /// Whether the ARN is in AWS's namespace (whether or not the catalog has it).
    static func isAWSManaged(_ arn: String) -> Bool { arn.hasPrefix(arnPrefix) }

    static func policy(_ arn: String) -> ManagedPolicy? { ManagedPolicyCatalog.policy(arn: arn) }

    static var all: [ManagedPolicy] { ManagedPolicyCatalog.all }
}
