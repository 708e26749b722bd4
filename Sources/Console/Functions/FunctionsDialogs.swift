import CloudEngine
import Foundation
import TerminalUI

/// The Functions panel's dialogs: the create, configuration, trigger and test-event forms, and the confirmations.
enum FunctionsDialogs {
    /// The role choice's first option, as the AWS console words it.
    static let newRoleOption = "Create a new role with basic Lambda permissions"

    /// The trigger form's event types, as the AWS console lists them, with the patterns they save.
    static let eventTypes: [(title: String, events: [String])] = [
        ("All object create events", ["s3:ObjectCreated:*"]),
        ("PUT", ["s3:ObjectCreated:Put"]),
        ("POST", ["s3:ObjectCreated:Post"]),
        ("COPY", ["s3:ObjectCreated:Copy"]),
        ("Multipart upload completed", ["s3:ObjectCreated:CompleteMultipartUpload"]),
        ("All object delete events", ["s3:ObjectRemoved:*"]),
    ]

    static func reduce(_ s: inout ConsoleState, _ action: FunctionsAction) -> [ConsoleEffect] {
        switch action {
        case .newPressed:
            return newPressed(&s)
        case .deletePressed:
            return deletePressed(&s)
        case .configurePressed:
            guard let configuration = s.functions.detail?.configuration else { return [] }
            s.functions.modal = .configuration(configurationForm(configuration, roles: s.functions.lambdaRoles))
            return [.functions(.loadChoices)]
        case .saveEventPressed:
            guard let detail = s.functions.detail, detail.tab == .test, let event = detail.selectedTestEvent else { return [] }
            let suggested = event.isSaved ? event.name + "-copy" : event.name.replacingOccurrences(of: "-", with: "_")
            var form = FormState(title: "Save test event", fields: [
                .text("name", label: "Event name", value: suggested, placeholder: "my-event",
                      help: "Up to 25 letters, numbers, -, _ or ."),
            ], submitLabel: "Save")
            form.validate(eventNameValidator)
            s.functions.modal = .saveTestEvent(form, payload: event.payload)
            return []
        case .publishPressed:
            guard let detail = s.functions.detail, detail.configuration != nil else { return [] }
            s.functions.modal = .publishVersion(FormState(title: "Publish a version of \(detail.name)", fields: [
                .text("description", label: "Description", placeholder: "what changed",
                      help: "Optional. The version freezes today's code and configuration"),
            ], submitLabel: "Publish"))
            return []
        case .publishFormSubmitted(let function, let description):
            return [.functions(.publishVersion(function: function, description: description))]
        case .dialogKeyPressed(let event):
            return dialogKey(&s, event)
        case .createFormSubmitted(let request):
            if case .createFunction(let form) = s.functions.modal { s.functions.submittedCreateForm = form }
            s.functions.modal = .working(title: "Creating \(request.name)",
                                         message: request.roleARN == nil ? "Creating the execution role, then the function…"
                                             : "Creating the function…")
            return [.functions(.createFunction(request))]
        case .configurationFormSubmitted(let name, let settings):
            return [.functions(.updateConfiguration(name: name, settings))]
        case .triggerFormSubmitted(let request):
            return [.functions(.addTrigger(request))]
        case .testEventFormSubmitted(let function, let name, let payload):
            return [.functions(.saveTestEvent(function: function, name: name, payload: payload))]
        case .deleteFunctionConfirmed(let name):
            s.functions.modal = nil
            return [.functions(.deleteFunction(name))]
        case .deleteTestEventConfirmed(let function, let event):
            s.functions.modal = nil
            return [.functions(.deleteTestEvent(function: function, name: event))]
        case .removeTriggerConfirmed(let function, let trigger):
            s.functions.modal = nil
            return [.functions(.removeTrigger(function: function, trigger))]
        default:
            return []
        }
    }

    // MARK: - Opening

    private static func newPressed(_ s: inout ConsoleState) -> [ConsoleEffect] {
        switch s.functions.screen {
        case .list:
            var form = FormState(title: "Create function", fields: [
                .text("name", label: "Function name", placeholder: "my-function",
                      help: "1-64 letters, numbers, hyphens and underscores"),
                .choice("runtime", label: "Runtime", options: FunctionFormRules.runtimes,
                        selected: FunctionFormRules.runtimes.count - 1, help: runtimeHelp(s)),
                .text("handler", label: "Handler", value: FunctionTemplate.handler, help: "module.function"),
                .choice("role", label: "Execution role", options: roleOptions(s.functions.lambdaRoles),
                        help: "←/→ or Space to choose"),
                .choice("template", label: "Code", options: FunctionTemplate.allCases.map(\.title),
                        help: "The starting code"),
            ], submitLabel: "Create function")
            form.validate(createValidator)
            s.functions.modal = .createFunction(form)
            return [.functions(.loadChoices)]
        case .function:
            guard let detail = s.functions.detail else { return [] }
            switch detail.tab {
            case .triggers:
                var form = FormState(title: "Add S3 trigger to \(detail.name)", fields: [
                    .choice("bucket", label: "Bucket", options: bucketOptions(s.functions.bucketNames),
                            help: "The bucket whose events invoke the function"),
                    .choice("events", label: "Event types", options: eventTypes.map(\.title)),
                    .text("prefix", label: "Prefix", placeholder: "images/", help: "Optional: only keys starting with this"),
                    .text("suffix", label: "Suffix", placeholder: ".csv", help: "Optional: only keys ending with this"),
                    .checkbox("acknowledge", label: "I understand",
                              help: "Writing to this bucket from the function invokes it again, in a loop"),
                ], submitLabel: "Add trigger")
                form.validate(triggerValidator)
                s.functions.modal = .addTrigger(form)
                return [.functions(.loadChoices)]
            case .test:
                return reduce(&s, .saveEventPressed)
            case .code, .configuration, .invocations:
                return []
            }
        }
    }

    private static func deletePressed(_ s: inout ConsoleState) -> [ConsoleEffect] {
        switch s.functions.screen {
        case .list:
            guard let function = s.functions.selectedFunction else { return [] }
            s.functions.modal = .confirmDeleteFunction(ConfirmationState(
                title: "Delete function",
                message: "Delete function \(function.functionName)? Its code, versions, test events and triggers' permissions go with it; its log group stays.",
                resourceName: function.functionName, confirmLabel: "Delete function"))
        case .function:
            guard let detail = s.functions.detail else { return [] }
            switch detail.tab {
            case .test:
                guard case .saved(let event)? = detail.selectedTestEvent else { return [] }
                s.functions.modal = .confirmDeleteTestEvent(ConfirmationState(
                    title: "Delete test event", message: "Delete the saved test event \(event.name)?",
                    resourceName: event.name, confirmLabel: "Delete", requireTypedName: false),
                    function: detail.name, event: event.name)
            case .triggers:
                guard let trigger = detail.selectedTrigger else { return [] }
                s.functions.modal = .confirmRemoveTrigger(ConfirmationState(
                    title: "Remove trigger",
                    message: "Stop \(trigger.bucket) from invoking \(detail.name)? The bucket's other notifications stay.",
                    resourceName: trigger.bucket, confirmLabel: "Remove", requireTypedName: false),
                    function: detail.name, trigger: trigger)
            case .code, .configuration, .invocations:
                break
            }
        }
        return []
    }

    static func configurationForm(_ c: FunctionConfiguration, roles: [IAMRole]) -> FormState {
        let roleNames = roleChoices(current: c.role, roles: roles)
        var form = FormState(title: "Edit configuration of \(c.functionName)", fields: [
            .text("memory", label: "Memory (MB)", value: String(c.memorySize), help: "128 to 10240"),
            .text("timeout", label: "Timeout (s)", value: String(c.timeout), help: "1 to 900 seconds"),
            .text("storage", label: "/tmp (MB)", value: String(c.ephemeralStorageSize), help: "Ephemeral storage, 512 to 10240"),
            .text("handler", label: "Handler", value: c.handler, help: "module.function"),
            .text("description", label: "Description", value: c.description),
            .text("environment", label: "Environment", value: FunctionFormRules.environmentText(c.environment),
                  placeholder: "KEY=value, OTHER=value", help: "KEY=value pairs, separated by commas"),
            .choice("role", label: "Execution role", options: roleNames, selected: roleNames.firstIndex(of: roleName(c.role)) ?? 0,
                    help: "Roles that trust lambda.amazonaws.com"),
            .text("layers", label: "Layers", value: c.layers.joined(separator: ", "),
                  placeholder: "arn:aws:lambda:…:layer:name:1", help: "Up to 5 layer version ARNs, in order"),
        ], submitLabel: "Save")
        form.validate(configurationValidator)
        return form
    }

    /// New roles or buckets arrived while a form was open: offer them, keeping what was chosen.
    static func refreshChoices(_ s: inout ConsoleState) {
        guard let modal = s.functions.modal else { return }
        switch modal {
        case .createFunction(var form):
            form.replaceOptions(roleOptions(s.functions.lambdaRoles), for: "role")
            form.setHelp(runtimeHelp(s), for: "runtime")
            s.functions.modal = .createFunction(form)
        case .addTrigger(var form):
            form.replaceOptions(bucketOptions(s.functions.bucketNames), for: "bucket")
            form.validate(triggerValidator)
            s.functions.modal = .addTrigger(form)
        case .configuration(var form):
            guard let current = s.functions.detail?.configuration?.role else { return }
            form.replaceOptions(roleChoices(current: current, roles: s.functions.lambdaRoles), for: "role")
            s.functions.modal = .configuration(form)
        default:
            break
        }
    }

    // MARK: - Keys

    private static func dialogKey(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        guard let modal = s.functions.modal else { return [] }
        switch modal {
        case .createFunction(var form):
            let outcome = form.handle(event, validator: createValidator)
            s.functions.modal = .createFunction(form)
            switch outcome {
            case .submitted(let values):
                let roleIndex = values.choiceIndex("role") ?? 0
                let roles = s.functions.lambdaRoles
                let request = FunctionCreateRequest(
                    name: values.text("name"), runtime: FunctionFormRules.runtimes[values.choiceIndex("runtime") ?? 0],
                    handler: values.text("handler"),
                    roleARN: roleIndex == 0 || roleIndex > roles.count ? nil : roles[roleIndex - 1].arn,
                    template: FunctionTemplate.allCases[values.choiceIndex("template") ?? 0])
                return reduce(&s, .createFormSubmitted(request))
            case .cancelled:
                s.functions.modal = nil
            default:
                break
            }
        case .configuration(var form):
            let outcome = form.handle(event, validator: configurationValidator)
            s.functions.modal = .configuration(form)
            switch outcome {
            case .submitted(let values):
                guard let name = s.functions.detail?.name else { return [] }
                var settings = settings(from: values)
                let chosen = values.text("role")
                settings.role = s.functions.lambdaRoles.first { $0.name == chosen }?.arn
                    ?? s.functions.detail?.configuration?.role
                return reduce(&s, .configurationFormSubmitted(name: name, settings))
            case .cancelled:
                s.functions.modal = nil
            default:
                break
            }
        case .addTrigger(var form):
            let outcome = form.handle(event, validator: triggerValidator)
            s.functions.modal = .addTrigger(form)
            switch outcome {
            case .submitted(let values):
                guard let name = s.functions.detail?.name else { return [] }
                let events = eventTypes[min(values.choiceIndex("events") ?? 0, eventTypes.count - 1)].events
                return reduce(&s, .triggerFormSubmitted(TriggerRequest(
                    function: name, bucket: values.text("bucket"), events: events,
                    prefix: values.text("prefix"), suffix: values.text("suffix"))))
            case .cancelled:
                s.functions.modal = nil
            default:
                break
            }
        case .saveTestEvent(var form, let payload):
            let outcome = form.handle(event, validator: eventNameValidator)
            s.functions.modal = .saveTestEvent(form, payload: payload)
            switch outcome {
            case .submitted(let values):
                guard let name = s.functions.detail?.name else { return [] }
                return reduce(&s, .testEventFormSubmitted(function: name, name: values.text("name"), payload: payload))
            case .cancelled:
                s.functions.modal = nil
            default:
                break
            }
        case .publishVersion(var form):
            let outcome = form.handle(event, validator: { values in
                values.text("description").count > 256 ? ["description": "Descriptions are at most 256 characters."] : [:]
            })
            s.functions.modal = .publishVersion(form)
            switch outcome {
            case .submitted(let values):
                guard let name = s.functions.detail?.name else { return [] }
                return reduce(&s, .publishFormSubmitted(function: name, description: values.text("description")))
            case .cancelled:
                s.functions.modal = nil
            default:
                break
            }
        case .confirmDeleteFunction(var confirmation):
            let outcome = confirmation.handle(event)
            s.functions.modal = .confirmDeleteFunction(confirmation)
            return confirmed(&s, outcome, .deleteFunctionConfirmed(confirmation.resourceName))
        case .confirmDeleteTestEvent(var confirmation, let function, let name):
            let outcome = confirmation.handle(event)
            s.functions.modal = .confirmDeleteTestEvent(confirmation, function: function, event: name)
            return confirmed(&s, outcome, .deleteTestEventConfirmed(function: function, event: name))
        case .confirmRemoveTrigger(var confirmation, let function, let trigger):
            let outcome = confirmation.handle(event)
            s.functions.modal = .confirmRemoveTrigger(confirmation, function: function, trigger: trigger)
            return confirmed(&s, outcome, .removeTriggerConfirmed(function: function, trigger: trigger))
        case .working:
            break
        }
        return []
    }

    private static func confirmed(_ s: inout ConsoleState, _ outcome: ConfirmationOutcome,
                                  _ action: FunctionsAction) -> [ConsoleEffect] {
        switch outcome {
        case .confirmed: return reduce(&s, action)
        case .cancelled: s.functions.modal = nil
        case .refused(let reason): s.toast(reason, kind: .warning)
        case .changed, .ignored: break
        }
        return []
    }

    // MARK: - Failures come back to the form that caused them

    /// The form stays open with what was typed: a taken name is marked on the name, anything else on the form's
    /// first field, and the toast says it whole.
    static func createFailed(_ s: inout ConsoleState, _ error: ConsoleError) -> [ConsoleEffect] {
        if var form = s.functions.submittedCreateForm {
            form.setError(error.description, for: "name")
            form.focus("name")
            s.functions.modal = .createFunction(form)
        } else {
            s.functions.modal = nil
        }
        s.functions.submittedCreateForm = nil
        s.toast(error)
        return []
    }

    static func configurationFailed(_ s: inout ConsoleState, _ error: ConsoleError) -> [ConsoleEffect] {
        if case .publishVersion = s.functions.modal { s.functions.modal = nil }
        s.toast(error)
        return []
    }

    static func triggerFailed(_ s: inout ConsoleState, _ error: ConsoleError) -> [ConsoleEffect] {
        if case .addTrigger(var form) = s.functions.modal {
            form.setError(error.description, for: "bucket")
            s.functions.modal = .addTrigger(form)
        } else {
            s.toast(error)
        }
        return []
    }

    static func testEventFailed(_ s: inout ConsoleState, _ error: ConsoleError) -> [ConsoleEffect] {
        if case .saveTestEvent(var form, let payload) = s.functions.modal {
            form.setError(error.message, for: "name")
            s.functions.modal = .saveTestEvent(form, payload: payload)
        } else {
            s.toast(error)
        }
        return []
    }

    // MARK: - Helpers

    static let noBuckets = "(no buckets yet)"

    private static func settings(from values: FormValues) -> FunctionSettings {
        let environment = (try? FunctionFormRules.parseEnvironment(values.text("environment")).get()) ?? [:]
        return FunctionSettings(
            handler: values.text("handler"), role: values.text("role"),
            memorySize: Int(values.text("memory").trimmingCharacters(in: .whitespaces)),
            timeout: Int(values.text("timeout").trimmingCharacters(in: .whitespaces)),
            description: values.text("description"), environment: environment,
            layers: layerList(values.text("layers")),
            ephemeralStorageSize: Int(values.text("storage").trimmingCharacters(in: .whitespaces)))
    }

    static func layerList(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init).filter { !$0.isEmpty }
    }

    private static func roleOptions(_ roles: [IAMRole]) -> [String] {
        [newRoleOption] + roles.map { "Use \($0.name)" }
    }

    /// Role names to choose from: the function's own first when no longer offered (it stops trusting Lambda, say).
    private static func roleChoices(current: String, roles: [IAMRole]) -> [String] {
        var names = roles.map(\.name)
        if !names.contains(roleName(current)) { names.insert(roleName(current), at: 0) }
        return names
    }

    /// `arn:aws:iam::123:role/service-role/name` → `name`.
    static func roleName(_ arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }

    private static func bucketOptions(_ buckets: [String]) -> [String] {
        buckets.isEmpty ? [noBuckets] : buckets
    }

    private static func runtimeHelp(_ s: ConsoleState) -> String {
        s.functions.pythonVersion.map { "Every Python runtime runs on the local \($0)" } ?? "Python runtimes run on the local python3"
    }
}
