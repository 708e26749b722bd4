import CloudEngine
import Foundation
import TerminalUI

/// Everything the Policies panel shows: the managed policy list, one policy open, and dialogs.
///
/// The screens stack: the list, then a policy (its facts, its versions and one version's document);
/// Esc goes back. A dialog (`modal`) sits above both and takes the keys.
public struct PoliciesState: Sendable {
    public var policies: [IAMManagedPolicy] = []
    public var table = TableState<String>(rows: [])
    public var loaded = false
    public var loadError: ConsoleError?
    /// Which policies the list shows (`t` cycles).
    public var typeFilter: PolicyTypeFilter = .all
    public var detail: PolicyDetailState?
    public var modal: PoliciesModal?

    public init() {}

    public var screen: PoliciesScreen { detail == nil ? .list : .policy }

    /// The policy under the list's cursor.
    public var selectedPolicy: IAMManagedPolicy? {
        table.selectedID.flatMap { arn in policies.first { $0.arn == arn } }
    }

    /// The policies the type filter lets through (the name filter is the table's).
    public var shownPolicies: [IAMManagedPolicy] {
        policies.filter { typeFilter.includes($0) }
    }
}

/// Which of the Policies panel's screens is showing.
public enum PoliciesScreen: Sendable, Hashable {
    case list
    case policy
}

/// The list's type filter, as the AWS console's "Filter by Type" offers it.
public enum PolicyTypeFilter: Int, CaseIterable, Sendable, Hashable {
    case all
    case awsManaged
    case customerManaged

    public var title: String {
        switch self {
        case .all: return "all types"
        case .awsManaged: return "AWS managed"
        case .customerManaged: return "Customer managed"
        }
    }

    public var next: PolicyTypeFilter {
        PolicyTypeFilter(rawValue: (rawValue + 1) % Self.allCases.count) ?? .all
    }

    public func includes(_ policy: IAMManagedPolicy) -> Bool {
        switch self {
        case .all: return true
        case .awsManaged: return policy.isAWSManaged
        case .customerManaged: return !policy.isAWSManaged
        }
    }
}

/// One managed policy, open: its facts, versions, where it is attached, and the version shown.
public struct PolicyDetailState: Sendable {
    public var arn: String
    public var policy: IAMManagedPolicy?
    /// Newest first, as IAM lists them.
    public var versions: [PolicyVersionDocument] = []
    /// Users, groups and roles it is attached to; nil until loaded (or when the caller may not list them).
    public var attachments: [IAMEntity]?
    /// The version whose document is shown ([ and ] move, d makes it the default).
    public var shownVersionID: String?
    public var scroll = 0
    public var error: ConsoleError?

    public init(arn: String, policy: IAMManagedPolicy? = nil) {
        self.arn = arn
        self.policy = policy
    }

    public var name: String { policy?.name ?? IAMManagedPolicy.name(fromARN: arn) }
    /// AWS managed policies live in AWS's namespace (`arn:aws:iam::aws:policy/…`), loaded or not.
    public var isAWSManaged: Bool { policy?.isAWSManaged ?? arn.hasPrefix("arn:aws:iam::aws:") }

    public var shownVersion: PolicyVersionDocument? {
        versions.first { $0.versionID == shownVersionID } ?? versions.first { $0.isDefault }
    }

    public var defaultVersion: PolicyVersionDocument? { versions.first { $0.isDefault } }
}

extension IAMManagedPolicy {
    /// "AWS managed" or "Customer managed", as the AWS console labels the type.
    public var typeTitle: String { isAWSManaged ? "AWS managed" : "Customer managed" }

    /// The last part of a policy ARN.
    static func name(fromARN arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }
}

/// A policy document being written in the editor: what it is for, and the text so far (kept across failures).
public enum PolicyDocumentPurpose: Sendable, Hashable {
    /// A new customer managed policy, from the create form.
    case create(name: String, description: String)
    /// A new default version of a customer managed policy.
    case newVersion(arn: String)
}

/// The Policies panel's dialogs; each takes the keys while it is open.
public enum PoliciesModal: Sendable {
    /// The create form; `document` is what the editor last gave back (nil: the chosen template),
    /// `problem` why the engine refused it.
    case create(FormState, document: String?, problem: DocumentProblem?)
    /// A new version's document the engine refused: Enter edits it again, Esc drops it.
    case rejectedVersion(arn: String, document: String, problem: DocumentProblem)
    /// The versions list (`v`): Enter shows one, d makes it the default, x deletes it.
    case versions(selected: Int)
    case confirmDeletePolicy(ConfirmationState, arn: String)
    case confirmDeleteVersion(ConfirmationState, arn: String, versionID: String)
}
