import CloudEngine
import Foundation
import IAMPolicy
import TerminalUI

/// Who the simulator decides for: someone in the account, or policies typed in by hand.
public enum SimulatorPrincipal: Sendable, Hashable {
    case root
    case user(String)
    /// A role, simulated as a session of it (a role only ever acts through one).
    case role(String)
    /// A policy document edited in `$EDITOR`, decided as IAM's SimulateCustomPolicy does.
    case typedPolicies

    /// How the form names it.
    public var label: String {
        switch self {
        case .root: return "root"
        case .user(let name): return "user \(name)"
        case .role(let name): return "role \(name)"
        case .typedPolicies: return "policies typed in"
        }
    }
}

/// What happened in the Simulator panel: key presses by name, and the simulations' results.
public enum SimulatorAction: Sendable {
    // MARK: - From another panel
    /// Another panel (a role's detail: "why can't this role do X?") lands here with `principal` chosen.
    case openedFor(principal: SimulatorPrincipal)

    // MARK: - What the person did
    /// A key while the form has the keys; the focused field decides what it means.
    case formKeyPressed(KeyEvent)
    case runPressed
    case editFormPressed
    case leaveFormPressed
    case editPolicyPressed
    case resultMoved(Int)
    case documentScrolled(Int)

    // MARK: - What the engine (or the editor) answered
    case principalsLoaded(users: [IAMUser], roles: [IAMRole])
    case principalsLoadFailed(ConsoleError)
    case simulated(SimulationRun)
    case simulationFailed(ConsoleError)
    case policyEdited(String)
    case editorFailed(ConsoleError)
}

/// Engine work for the Simulator panel (`editPolicy` is run by the loop, which hands the terminal to the editor).
public enum SimulatorEffect: Sendable, Equatable {
    case loadPrincipals
    case simulate(SimulationRequest)
    case editPolicy(String)
}

/// One run of the simulator, as the form describes it.
public struct SimulationRequest: Sendable, Equatable {
    /// Whom the engine decides for, or the typed policy's text.
    public enum Subject: Sendable, Equatable {
        case principal(Caller)
        case typedPolicy(String)
    }

    public var subject: Subject
    public var actions: [String]
    public var resource: String
    /// `KEY=VALUE` entries; a key given twice is multi-valued.
    public var context: [String]

    public init(subject: Subject, actions: [String], resource: String, context: [String]) {
        self.subject = subject
        self.actions = actions
        self.resource = resource
        self.context = context
    }
}

/// What a run decided: one outcome per action, in the order typed.
public struct SimulationRun: Sendable, Equatable {
    public var request: SimulationRequest
    public var outcomes: [SimulationOutcome]

    public init(request: SimulationRequest, outcomes: [SimulationOutcome]) {
        self.request = request
        self.outcomes = outcomes
    }
}

/// The decision for one action, with the documents that decided it.
public struct SimulationOutcome: Sendable, Equatable {
    public var action: String
    public var outcome: Decision.Outcome
    /// The statements that decided it (empty for an implicit deny: nothing matched).
    public var statements: [MatchedStatement]
    /// For allowed and explicit deny, the documents holding the deciding statements;
    /// for an implicit deny, every document weighed (nothing in them matched).
    public var documents: [ExplainedDocument]
    /// Condition keys the weighed statements test that the request did not carry.
    public var missingContextKeys: [String]

    public init(action: String, outcome: Decision.Outcome, statements: [MatchedStatement], documents: [ExplainedDocument],
                missingContextKeys: [String] = []) {
        self.action = action
        self.outcome = outcome
        self.statements = statements
        self.documents = documents
        self.missingContextKeys = missingContextKeys
    }
}
