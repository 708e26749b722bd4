import CloudEngine
import Foundation
import TerminalUI

/// What each Functions form checks as you type; the engine checks again, with Lambda's own errors, on submit.
extension FunctionsDialogs {
    static let createValidator: FormValidator = { values in
        var errors: [String: String] = [:]
        if let problem = FunctionFormRules.nameViolation(values.text("name")) { errors["name"] = problem }
        if let problem = FunctionFormRules.handlerViolation(values.text("handler")) { errors["handler"] = problem }
        return errors
    }

    static let configurationValidator: FormValidator = { values in
        var errors: [String: String] = [:]
        if let problem = FunctionFormRules.memoryViolation(values.text("memory")) { errors["memory"] = problem }
        if let problem = FunctionFormRules.timeoutViolation(values.text("timeout")) { errors["timeout"] = problem }
        if let problem = FunctionFormRules.ephemeralStorageViolation(values.text("storage")) { errors["storage"] = problem }
        if let problem = FunctionFormRules.handlerViolation(values.text("handler")) { errors["handler"] = problem }
        if case .failure(let problem) = FunctionFormRules.parseEnvironment(values.text("environment")) {
            errors["environment"] = problem.description
        }
        if layerList(values.text("layers")).count > 5 { errors["layers"] = "A function has at most 5 layers." }
        return errors
    }

    static let triggerValidator: FormValidator = { values in
        var errors: [String: String] = [:]
        if values.text("bucket").isEmpty || values.text("bucket") == noBuckets {
            errors["bucket"] = "Create a bucket first (in Buckets), then add its trigger."
        }
        if !values.isChecked("acknowledge") {
            errors["acknowledge"] = "Tick this (Space) to confirm you understand recursive invocation."
        }
        return errors
    }

    static let eventNameValidator: FormValidator = { values in
        let name = values.text("name")
        let allowed = name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_.".unicodeScalars.contains($0)
        }
        if name.isEmpty { return ["name": "Enter a name for the event."] }
        if name.count > 25 || !allowed { return ["name": "Up to 25 letters, numbers, -, _ or ."] }
        return [:]
    }
}
