import CloudEngine
import Foundation
import TerminalUI

/// The Simulator panel's reducer: what each action does to `ConsoleState.simulator`, and the effects it asks for.
enum SimulatorReducer {
    /// The session name a role is simulated under.
    static let roleSessionName = "simulator"

    static func reduce(_ s: inout ConsoleState, _ action: SimulatorAction) -> [ConsoleEffect] {
        switch action {
        case .openedFor(let principal):
            s.simulator.principal = principal
            s.simulator.run = nil
            s.simulator.problem = nil
            s.simulator.editing = true
            s.simulator.field = .actions
            return ConsoleReducer.reduce(&s, .serviceChosen(.simulator))
        case .formKeyPressed(let event):
            return formKey(&s, event)
        case .runPressed:
            return run(&s)
        case .editFormPressed:
            s.simulator.editing = true
            return []
        case .leaveFormPressed:
            s.simulator.editing = false
            return []
        case .editPolicyPressed:
            guard s.simulator.principal == .typedPolicies else { return [] }
            return [.simulator(.editPolicy(s.simulator.typedPolicy))]
        case .resultMoved(let delta):
            let count = s.simulator.run?.outcomes.count ?? 0
            s.simulator.selected = min(max(0, s.simulator.selected + delta), max(0, count - 1))
            s.simulator.scroll = initialScroll(s)
            return []
        case .documentScrolled(let delta):
            let lines = s.simulator.selectedOutcome.map(SimulatorResultsView.documentLineCount) ?? 0
            s.simulator.scroll = min(max(0, s.simulator.scroll + delta), max(0, lines - visibleDocumentRows(s)))
            return []
        case .principalsLoaded(let users, let roles):
            s.simulator.users = users
            s.simulator.roles = roles
            s.simulator.principalsLoaded = true
            s.simulator.loadError = nil
            return []
        case .principalsLoadFailed(let error):
            s.simulator.principalsLoaded = true
            s.simulator.loadError = error
            return []
        case .simulated(let run):
            s.simulator.running = false
            s.simulator.run = run
            s.simulator.problem = nil
            s.simulator.selected = 0
            s.simulator.editing = false
            s.simulator.scroll = initialScroll(s)
            return []
        case .simulationFailed(let error):
            s.simulator.running = false
            s.simulator.problem = error.description
            return []
        case .policyEdited(let text):
            guard text != s.simulator.typedPolicy else {
                s.toast("No changes to the typed policy.", kind: .info)
                return []
            }
            s.simulator.typedPolicy = text
            s.toast("Typed policy updated: press Enter to run it.", kind: .info)
            return []
        case .editorFailed(let error):
            s.toast(error)
            return []
        }
    }

    /// The chosen action's documents scrolled so its first deciding statement shows.
    private static func initialScroll(_ s: ConsoleState) -> Int {
        guard let outcome = s.simulator.selectedOutcome else { return 0 }
        return SimulatorResultsView.initialScroll(outcome, visible: visibleDocumentRows(s))
    }

    /// Rows the documents get on this screen.
    private static func visibleDocumentRows(_ s: ConsoleState) -> Int {
        let results = SimulatorView.areas(ConsoleLayout(s)).results
        return max(1, SimulatorResultsView.documentsHeight(s.simulator, resultsHeight: results.height))
    }

    // MARK: - Running

    static func run(_ s: inout ConsoleState) -> [ConsoleEffect] {
        switch request(s.simulator) {
        case .failure(let problem):
            s.simulator.problem = problem.message
            s.simulator.field = problem.field
            s.simulator.editing = true
            return []
        case .success(let request):
            s.simulator.problem = nil
            s.simulator.running = true
            return [.simulator(.simulate(request))]
        }
    }

    struct FormProblem: Error {
        var field: SimulatorField
        var message: String
    }

    /// The run the form describes, or what is wrong with it.
    static func request(_ sim: SimulatorState) -> Result<SimulationRequest, FormProblem> {
        let actions = entries(sim.actions.text)
        guard !actions.isEmpty else {
            return .failure(FormProblem(field: .actions, message: "Type an action, such as s3:GetObject (Tab completes)."))
        }
        if let bad = actions.first(where: { !isAction($0) }) {
            return .failure(FormProblem(field: .actions, message: "“\(bad)” is not service:Action, such as s3:GetObject."))
        }
        let context = entries(sim.context.text)
        if let bad = context.first(where: { !$0.contains("=") || $0.hasPrefix("=") }) {
            return .failure(FormProblem(field: .context, message: "“\(bad)” is not KEY=VALUE, such as aws:SourceIp=10.0.0.1."))
        }
        let resource = sim.resource.text.trimmingCharacters(in: .whitespaces)
        let subject: SimulationRequest.Subject
        switch sim.principal {
        case .root:
            subject = .principal(.root)
        case .user(let name):
            guard let user = sim.users.first(where: { $0.name == name }) else {
                return .failure(FormProblem(field: .principal, message: "There is no user \(name) in the account (yet): choose another."))
            }
            subject = .principal(user.caller)
        case .role(let name):
            guard let role = sim.roles.first(where: { $0.name == name }) else {
                return .failure(FormProblem(field: .principal, message: "There is no role \(name) in the account (yet): choose another."))
            }
            subject = .principal(Caller(identity: .assumedRole(roleName: role.name, roleID: role.id, rolePath: role.path,
                                                               sessionName: roleSessionName)))
        case .typedPolicies:
            subject = .typedPolicy(sim.typedPolicy)
        }
        return .success(SimulationRequest(subject: subject, actions: actions, resource: resource.isEmpty ? "*" : resource,
                                          context: context))
    }

    private static func entries(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func isAction(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !parts[0].contains("*") && !text.contains(" ")
    }

    // MARK: - Panel events

    static func opened(_ s: inout ConsoleState) -> [ConsoleEffect] {
        s.simulator.editing = true
        return [.simulator(.loadPrincipals)]
    }

    static func accountChanged(_ s: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        guard topics.contains(.iam), s.simulator.principalsLoaded else { return [] }
        return [.simulator(.loadPrincipals)]
    }
}
