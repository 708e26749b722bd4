import CloudEngine
import Foundation
import TerminalUI

/// Everything the Simulator panel shows: the form, who can be chosen, and the last run's results.
///
/// The form has the keys while `editing` (text goes into the focused field); otherwise the
/// results do (↑/↓ choose an action, PgUp/PgDn scroll its documents) and the global keys work.
public struct SimulatorState: Sendable {
    public var users: [IAMUser] = []
    public var roles: [IAMRole] = []
    public var principalsLoaded = false
    public var loadError: ConsoleError?
    public var principal: SimulatorPrincipal = .root
    public var actions = TextInputState()
    public var resource = TextInputState(text: "*")
    public var context = TextInputState()
    public var field: SimulatorField = .principal
    public var editing = true
    /// The policy decided when the principal is "policies typed in".
    public var typedPolicy = SimulatorState.starterPolicy
    public var run: SimulationRun?
    public var running = false
    /// Why the form cannot run, or why the last run failed.
    public var problem: String?
    public var selected = 0
    public var scroll = 0

    public init() {}

    /// What "policies typed in" starts with: a policy to change, not an empty file.
    public static let starterPolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "ReadReports",
              "Effect": "Allow",
              "Action": ["s3:GetObject", "s3:ListBucket"],
              "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
            }
          ]
        }
        """

    /// The principals offered, in order: root, the users, the roles, then typed policies.
    /// The chosen one is always among them, even before the lists arrive.
    public var principalOptions: [SimulatorPrincipal] {
        var options: [SimulatorPrincipal] = [.root] + users.map { .user($0.name) } + roles.map { .role($0.name) }
        options.append(.typedPolicies)
        if !options.contains(principal) { options.insert(principal, at: options.count - 1) }
        return options
    }

    public var selectedOutcome: SimulationOutcome? {
        guard let outcomes = run?.outcomes, outcomes.indices.contains(selected) else { return nil }
        return outcomes[selected]
    }

    /// The action completions for what is being typed in the actions field.
    var completions: [String] {
        field == .actions && editing ? KnownActions.completions(for: KnownActions.lastEntry(of: actions.text)) : []
    }
}

/// The simulator form's fields, in Tab order.
public enum SimulatorField: Int, CaseIterable, Sendable, Hashable {
    case principal
    case actions
    case resource
    case context

    var label: String {
        switch self {
        case .principal: return "Principal"
        case .actions: return "Actions"
        case .resource: return "Resource"
        case .context: return "Context"
        }
    }
}
