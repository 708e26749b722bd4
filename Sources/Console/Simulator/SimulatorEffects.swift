import CloudEngine
import Foundation
import IAMPolicy

/// The Simulator panel's engine calls, run by the effect runner off the UI thread.
///
/// A principal of the account is decided by the engine itself (`IAMService.explain`), so the
/// answer is the one a real call would get; typed policies go through IAM's SimulateCustomPolicy
/// (`PolicySimulator`), which needs no account.
struct SimulatorEffects {
    let account: Account
    let caller: Caller
    let editor: ExternalEditor
    let send: @Sendable (ConsoleAction) -> Void

    func perform(_ effect: SimulatorEffect) {
        func answer(_ action: SimulatorAction) { send(.simulator(action)) }
        switch effect {
        case .loadPrincipals:
            do {
                answer(.principalsLoaded(users: try account.iam.listUsers(caller: caller),
                                         roles: try account.iam.listRoles(caller: caller)))
            } catch {
                answer(.principalsLoadFailed(ConsoleError(error)))
            }
        case .simulate(let request):
            do {
                answer(.simulated(SimulationRun(request: request, outcomes: try outcomes(request))))
            } catch {
                answer(.simulationFailed(ConsoleError(error)))
            }
        case .editPolicy:
            if let action = editor.perform(.simulator(effect)) { send(action) }
        }
    }

    func outcomes(_ request: SimulationRequest) throws -> [SimulationOutcome] {
        switch request.subject {
        case .principal(let principal):
            let context = Self.context(request.context)
            return try request.actions.map { action in
                // "*" is any resource here, as in IAM's simulator: a statement naming some resource applies.
                let explanation = try account.iam.explain(principal: principal, action: action, resource: request.resource,
                                                          context: context, resourceIsAny: true, caller: caller)
                return SimulationOutcome(action: action, outcome: explanation.decision.outcome,
                                         statements: explanation.decision.matchedStatements,
                                         documents: ExplainedDocument.documents(explanation))
            }
        case .typedPolicy(let text):
            return try Self.typedOutcomes(text, request)
        }
    }

    static let typedPolicyName = "typed policy"

    /// Typed policies decided as SimulateCustomPolicy does; the policy's problems come back with line and column.
    static func typedOutcomes(_ text: String, _ request: SimulationRequest) throws -> [SimulationOutcome] {
        let results: [PolicySimulator.Result]
        do {
            results = try PolicySimulator.evaluate(identityPolicies: [text], actions: request.actions,
                                                   resourceArn: request.resource, contextEntries: request.context)
        } catch {
            throw ConsoleError(code: error.code, message: error.message.replacingOccurrences(of: "PolicyInputList.1", with: "The typed policy"))
        }
        return results.map { result in
            let statements = result.decision.matchedStatements.map { statement -> MatchedStatement in
                var named = statement
                named.policyName = typedPolicyName
                return named
            }
            let document = ExplainedDocument(name: typedPolicyName, source: .user, sourceLabel: "typed in $EDITOR", text: text, kind: .identity,
                                             statementIndexes: statements.map(\.index))
            return SimulationOutcome(action: result.action, outcome: result.decision.outcome, statements: statements,
                                     documents: [document], missingContextKeys: result.missingContextValues)
        }
    }

    /// `KEY=VALUE` entries as the engine's context; a key given twice keeps both values.
    static func context(_ entries: [String]) -> [String: [String]] {
        var context: [String: [String]] = [:]
        for entry in entries {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            context[String(entry[..<equals]), default: []].append(String(entry[entry.index(after: equals)...]))
        }
        return context
    }
}

extension ExternalEditor {
    /// The simulator's edit: the typed policy, as JSON, in the person's editor.
    func performSimulatorEdit(_ effect: SimulatorEffect) -> ConsoleAction? {
        guard case .editPolicy(let text) = effect else { return nil }
        do {
            let edited = try edit("policy.json", Data(text.utf8))
            guard let result = String(data: edited, encoding: .utf8) else {
                return .simulator(.editorFailed(ConsoleError(message: "The edited policy is not UTF-8 text; it was not kept.")))
            }
            return .simulator(.policyEdited(result))
        } catch {
            return .simulator(.editorFailed(ConsoleError(error)))
        }
    }
}
