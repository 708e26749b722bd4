import CloudEngine
import Foundation
import TerminalUI

/// The create-user and create-group forms, and their rules.
enum UsersForms {
    static func createUser() -> FormState {
        FormState(title: "Create user", fields: [
            .text("name", label: "User name", placeholder: "alice", help: "Up to 64 letters, digits and +=,.@_-"),
            .text("path", label: "Path", placeholder: "/", help: "Optional: groups users in the ARN, e.g. /engineering/"),
            .text("tags", label: "Tags", placeholder: "team=data, env=dev", help: "Optional: KEY=value pairs, separated by commas"),
        ], submitLabel: "Create user")
    }

    static func createGroup() -> FormState {
        FormState(title: "Create group", fields: [
            .text("name", label: "Group name", placeholder: "developers", help: "Up to 128 letters, digits and +=,.@_-"),
            .text("path", label: "Path", placeholder: "/", help: "Optional, e.g. /engineering/"),
        ], submitLabel: "Create group")
    }

    static func userValidator(_ s: ConsoleState) -> FormValidator {
        let taken = Set(s.users.users.map { $0.user.name.lowercased() })
        return { values in
            var errors: [String: String] = [:]
            if let problem = IAMFormRules.nameProblem(values.text("name"), kind: "user", max: 64, taken: taken) {
                errors["name"] = problem
            }
            if let problem = IAMFormRules.pathProblem(values.text("path")) { errors["path"] = problem }
            if let problem = IAMFormRules.tagsProblem(values.text("tags")) { errors["tags"] = problem }
            return errors
        }
    }

    static func groupValidator(_ s: ConsoleState) -> FormValidator {
        let taken = Set(s.users.groups.map { $0.group.name.lowercased() })
        return { values in
            var errors: [String: String] = [:]
            if let problem = IAMFormRules.nameProblem(values.text("name"), kind: "group", max: 128, taken: taken) {
                errors["name"] = problem
            }
            if let problem = IAMFormRules.pathProblem(values.text("path")) { errors["path"] = problem }
            return errors
        }
    }

    static func path(_ values: FormValues) -> String {
        values.text("path").isEmpty ? "/" : values.text("path")
    }
}
