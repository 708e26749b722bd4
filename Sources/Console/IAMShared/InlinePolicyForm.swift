import CloudEngine
import Foundation
import IAMPolicy
import TerminalUI

/// The inline-policy form: one statement built from a service, its actions, a resource and an optional
/// condition, as the AWS console's visual editor does; Ctrl-E takes it to `$EDITOR` as JSON instead.
enum InlinePolicyForm {
    /// The resource kinds the ARN builder knows, with what the name field means for each.
    enum ResourceKind: Int, CaseIterable {
        case any, bucket, objects, function, logGroup, arn

        var title: String {
            switch self {
            case .any: return "Any resource (*)"
            case .bucket: return "Bucket"
            case .objects: return "Objects in a bucket"
            case .function: return "Function"
            case .logGroup: return "Log group"
            case .arn: return "ARN typed in"
            }
        }

        var nameHelp: String {
            switch self {
            case .any: return "Not needed: the statement applies to every resource"
            case .bucket: return "The bucket's name"
            case .objects: return "bucket/key pattern, e.g. photos/* or photos/incoming/*.csv"
            case .function: return "The function's name"
            case .logGroup: return "The group's name, e.g. /aws/lambda/my-function"
            case .arn: return "A full ARN; * and ? match any characters"
            }
        }
    }

    static let effects = ["Allow", "Deny"]

    static func form(entityTitle: String, name: String = "") -> FormState {
        var form = FormState(title: "Add inline policy to \(entityTitle)", fields: [
            .text("name", label: "Policy name", value: name, placeholder: "read-uploads", help: "Up to 128 letters, digits and +=,.@_-"),
            .choice("effect", label: "Effect", options: effects),
            .choice("service", label: "Service", options: IAMActionCatalog.services.map(\.title), help: "←/→ or Space to choose"),
            .text("actions", label: "Actions", placeholder: "GetObject, PutObject",
                  help: "Comma separated; Tab completes; * is all"),
            .choice("resourceKind", label: "Resource", options: ResourceKind.allCases.map(\.title)),
            .text("resource", label: "Resource name", help: ResourceKind.any.nameHelp),
            .text("condition", label: "Condition", placeholder: "StringLike s3:prefix=home/*",
                  help: "Optional: OPERATOR key=value[,value]"),
        ], submitLabel: "Add policy")
        form.validate(validator(accountID: "", region: ""))
        return form
    }

    /// Checks the form; the ARN it would write is the resource field's hint (see `refreshHints`).
    static func validator(accountID: String, region: String) -> FormValidator {
        { values in
            var errors: [String: String] = [:]
            if let problem = IAMFormRules.nameProblem(values.text("name"), kind: "policy", max: 128, taken: []) {
                errors["name"] = problem
            }
            let service = service(values)
            let actions = actionList(values.text("actions"))
            if actions.isEmpty {
                errors["actions"] = "Name at least one action"
            } else if let unknown = actions.first(where: { qualified($0, service) == nil }) {
                errors["actions"] = "\(unknown) is not a \(service.title) action Overcast knows"
            }
            let kind = ResourceKind(rawValue: values.choiceIndex("resourceKind") ?? 0) ?? .any
            if kind != .any, values.text("resource").trimmingCharacters(in: .whitespaces).isEmpty {
                errors["resource"] = kind.nameHelp
            } else if kind == .arn, !values.text("resource").hasPrefix("arn:") {
                errors["resource"] = "An ARN starts with arn:"
            }
            if let problem = conditionProblem(values.text("condition")) { errors["condition"] = problem }
            return errors
        }
    }

    /// The document the form describes.
    static func document(_ values: FormValues, accountID: String, region: String) -> String {
        let service = service(values)
        let actions = actionList(values.text("actions")).compactMap { qualified($0, service) }
        let kind = ResourceKind(rawValue: values.choiceIndex("resourceKind") ?? 0) ?? .any
        let resource = arn(kind, name: values.text("resource"), accountID: accountID, region: region)
        var statement = """
                  "Effect": "\(values.text("effect"))",
                  "Action": \(jsonList(actions)),
                  "Resource": \(JSONString.quoted(resource))
            """
        if let condition = condition(values.text("condition")) {
            let valuesJSON = jsonList(condition.values)
            statement += ",\n      \"Condition\": {\(JSONString.quoted(condition.op)): {\(JSONString.quoted(condition.key)): \(valuesJSON)}}"
        }
        return """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
            \(statement)
                }
              ]
            }

            """
    }

    /// The ARN a resource kind and name make.
    static func arn(_ kind: ResourceKind, name raw: String, accountID: String, region: String) -> String {
        let name = raw.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .any: return "*"
        case .bucket: return "arn:aws:s3:::\(name)"
        case .objects: return "arn:aws:s3:::\(name.contains("/") ? name : name + "/*")"
        case .function: return "arn:aws:lambda:\(region):\(accountID):function:\(name)"
        case .logGroup: return "arn:aws:logs:\(region):\(accountID):log-group:\(name):*"
        case .arn: return name
        }
    }

    /// After each key: the resource field's hint shows the ARN being built, and the actions field's hint
    /// what Tab would complete.
    static func refreshHints(_ form: inout FormState, accountID: String, region: String) {
        let values = form.values
        let kind = ResourceKind(rawValue: values.choiceIndex("resourceKind") ?? 0) ?? .any
        let name = values.text("resource")
        form.setHelp(kind == .any || name.isEmpty ? kind.nameHelp : "→ " + arn(kind, name: name, accountID: accountID, region: region),
                     for: "resource")
        let last = lastActionWord(values.text("actions"))
        let matches = IAMActionCatalog.completions(of: last, in: service(values))
        if last.isEmpty || matches.isEmpty {
            form.setHelp("Comma separated; Tab completes; * is all", for: "actions")
        } else {
            let names = matches.prefix(4).map { $0.split(separator: ":").last.map(String.init) ?? $0 }
            form.setHelp("Tab: " + names.joined(separator: ", ") + (matches.count > 4 ? " … (\(matches.count))" : ""),
                         for: "actions")
        }
    }

    /// Tab in the actions field: completes the last action to the matches' common prefix; nil when there
    /// is nothing to complete (Tab then moves on, as in every form).
    static func completion(_ values: FormValues) -> String? {
        let text = values.text("actions")
        let last = lastActionWord(text)
        guard !last.isEmpty else { return nil }
        let matches = IAMActionCatalog.completions(of: last, in: service(values))
            .map { $0.split(separator: ":").last.map(String.init) ?? $0 }
        guard let first = matches.first else { return nil }
        var common = first
        for match in matches.dropFirst() {
            while !match.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
        }
        let bare = last.split(separator: ":").last.map(String.init) ?? last
        guard common.count > bare.count || (matches.count == 1 && common != bare) else { return nil }
        let head = text.dropLast(last.count)
        return head + common + (matches.count == 1 ? ", " : "")
    }

    // MARK: - Parts

    private static func service(_ values: FormValues) -> IAMActionCatalog.Service {
        let index = values.choiceIndex("service") ?? 0
        return IAMActionCatalog.services.indices.contains(index) ? IAMActionCatalog.services[index] : IAMActionCatalog.services[0]
    }

    static func actionList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func lastActionWord(_ text: String) -> String {
        String(text.split(separator: ",", omittingEmptySubsequences: false).last ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// `GetObject` or `s3:GetObject` or a wildcard, qualified with the service; nil when unknown.
    private static func qualified(_ action: String, _ service: IAMActionCatalog.Service) -> String? {
        let bare: String
        if let colon = action.firstIndex(of: ":") {
            guard action[..<colon].lowercased() == service.prefix else { return nil }
            bare = String(action[action.index(after: colon)...])
        } else {
            bare = action
        }
        if bare.contains("*") || bare.contains("?") { return "\(service.prefix):\(bare)" }
        return service.actions.first { $0.lowercased() == bare.lowercased() }.map { "\(service.prefix):\($0)" }
    }

    private static func condition(_ text: String) -> (op: String, key: String, values: [String])? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        let op = String(trimmed[..<space])
        let rest = trimmed[trimmed.index(after: space)...].trimmingCharacters(in: .whitespaces)
        guard let equals = rest.firstIndex(of: "=") else { return nil }
        let key = String(rest[..<equals]).trimmingCharacters(in: .whitespaces)
        let values = rest[rest.index(after: equals)...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !key.isEmpty, !values.isEmpty else { return nil }
        return (op, key, values)
    }

    private static func conditionProblem(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let parsed = condition(trimmed) else { return "Write OPERATOR key=value, e.g. StringEquals aws:username=alice" }
        guard ConditionOperator(name: parsed.op) != nil else {
            return "\(parsed.op) is not a condition operator (StringEquals, StringLike, IpAddress, Bool …)"
        }
        return nil
    }

    private static func jsonList(_ items: [String]) -> String {
        items.count == 1 ? JSONString.quoted(items[0]) : "[" + items.map(JSONString.quoted).joined(separator: ", ") + "]"
    }
}
