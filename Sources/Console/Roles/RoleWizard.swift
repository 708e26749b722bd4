import CloudEngine
import Foundation
import TerminalUI

/// The create-role wizard's steps: who may assume the role, what it may do, then its name and a review.
enum RoleWizard {
    static let entityOptions = ["AWS service", "This account", "Custom trust policy"]

    static func start(_ s: inout ConsoleState) -> [ConsoleEffect] {
        let trust = FormState(title: "Create role · 1 of 3 · Trusted entity", fields: [
            .choice("entity", label: "Trusted entity", options: entityOptions,
                    help: "Who may assume the role; ←/→ or Space to choose"),
            .choice("service", label: "Service", options: TrustPolicies.services.map(\.title),
                    help: "For an AWS service: the one that runs as this role"),
        ], submitLabel: "Next")
        var details = FormState(title: "Create role · 3 of 3 · Name and review", fields: [
            .text("name", label: "Role name", placeholder: "my-function-role", help: "Up to 64 letters, digits and +=,.@_-"),
            .text("description", label: "Description", placeholder: "what the role is for", help: "Optional"),
            .text("tags", label: "Tags", placeholder: "team=data, env=dev", help: "Optional: KEY=value pairs, separated by commas"),
        ], submitLabel: "Create role")
        details.validate(detailsValidator(s))
        s.roles.wizard = RoleWizardState(trustForm: trust, detailsForm: details)
        return [.roles(.loadPolicyChoices)]
    }

    static func key(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        guard var wizard = s.roles.wizard, !wizard.isCreating else { return [] }
        defer { if s.roles.wizard != nil { s.roles.wizard = wizard } }
        switch wizard.step {
        case .trust:
            switch wizard.trustForm.handle(event) {
            case .submitted(let values):
                if values.choiceIndex("entity") == 2 {
                    let text = wizard.customTrust ?? TrustPolicies.customTemplate(accountID: s.accountID)
                    return [.roles(.editDocument(PolicyDocumentEdit(target: .wizardTrust, text: text)))]
                }
                wizard.step = .permissions
            case .cancelled:
                s.roles.wizard = nil
            default:
                wizard.trustProblem = nil
            }
        case .permissions:
            let pageSize = PolicyPickerView.listHeight(RoleWizardView.contentArea(ConsoleLayout(s)))
            switch wizard.picker.handle(event, pageSize: pageSize) {
            case .confirmed:
                wizard.step = .review
            case .cancelled:
                wizard.step = .trust
            case .changed, .ignored:
                break
            }
        case .review:
            let validator = detailsValidator(s)
            switch wizard.detailsForm.handle(event, validator: validator) {
            case .submitted(let values):
                wizard.isCreating = true
                return [.roles(.createRole(RoleCreateRequest(
                    name: values.text("name"),
                    description: values.text("description").isEmpty ? nil : values.text("description"),
                    trustPolicy: trustPolicy(wizard, accountID: s.accountID), policyARNs: wizard.picker.marked,
                    tags: IAMFormRules.tags(values.text("tags")))))]
            case .cancelled:
                wizard.step = .permissions
            default:
                break
            }
        }
        return []
    }

    static func reduce(_ s: inout ConsoleState, _ action: RolesAction) -> [ConsoleEffect] {
        switch action {
        case .roleCreated(let role, let policies):
            s.roles.wizard = nil
            s.roles.detail = RoleDetailState(name: role.name)
            s.toast("Created role \(role.name)" + (policies == 0 ? "." : " with \(policies) polic\(policies == 1 ? "y" : "ies")."))
            return [.roles(.loadDetail(role.name))]
        case .roleCreateFailed(let error):
            guard var wizard = s.roles.wizard else { return [] }
            wizard.isCreating = false
            if error.code == "EntityAlreadyExists" {
                wizard.detailsForm.setError("A role named \(wizard.detailsForm.values.text("name")) exists; choose another name",
                                            for: "name")
                wizard.detailsForm.focus("name")
            } else {
                s.toast(error)
            }
            s.roles.wizard = wizard
            return []
        default:
            return []
        }
    }

    /// The editor gave back a custom trust policy: checked here, as IAM will check it, before the next step.
    static func customTrustEdited(_ s: inout ConsoleState, _ text: String) -> [ConsoleEffect] {
        guard var wizard = s.roles.wizard else { return [] }
        wizard.customTrust = text
        if let problem = TrustPolicies.problem(in: text) {
            wizard.trustProblem = problem
        } else {
            wizard.trustProblem = nil
            wizard.step = .permissions
        }
        s.roles.wizard = wizard
        return []
    }

    /// The trust policy the first step describes.
    static func trustPolicy(_ wizard: RoleWizardState, accountID: String) -> String {
        let values = wizard.trustForm.values
        switch values.choiceIndex("entity") {
        case 1?: return TrustPolicies.account(accountID)
        case 2?: return wizard.customTrust ?? TrustPolicies.customTemplate(accountID: accountID)
        default:
            let index = values.choiceIndex("service") ?? 0
            let service = TrustPolicies.services.indices.contains(index) ? TrustPolicies.services[index] : TrustPolicies.services[0]
            return TrustPolicies.service(service.principal)
        }
    }

    private static func detailsValidator(_ s: ConsoleState) -> FormValidator {
        let taken = Set(s.roles.roles.map { $0.name.lowercased() })
        return { values in
            var errors: [String: String] = [:]
            if let problem = IAMFormRules.nameProblem(values.text("name"), kind: "role", max: 64, taken: taken) {
                errors["name"] = problem
            }
            if values.text("description").count > 1000 { errors["description"] = "At most 1,000 characters" }
            if let problem = IAMFormRules.tagsProblem(values.text("tags")) { errors["tags"] = problem }
            return errors
        }
    }
}
