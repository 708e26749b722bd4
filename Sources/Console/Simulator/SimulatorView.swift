import TerminalUI

/// Draws the Simulator panel: the form on top, the results under it. Pure: state and size in, cells out.
enum SimulatorView {
    /// Rows the form takes: its four fields and the hint line under them.
    static let formHeight = SimulatorField.allCases.count + 1

    static func title(_ state: ConsoleState) -> String { "IAM policy simulator" }

    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        let sim = state.simulator
        buffer.render(Breadcrumb(["IAM", "Simulator", sim.principal.label]), in: layout.breadcrumb.inset(left: 1))
        let (form, rule, results) = areas(layout)
        drawForm(&buffer, sim, form)
        drawRule(&buffer, sim, rule, note: SimulatorResultsView.scrollNote(sim, resultsHeight: results.height))
        SimulatorResultsView.draw(&buffer, sim, results)
    }


    /// The form, the rule under it and the results area.
    static func areas(_ layout: ConsoleLayout) -> (form: Rect, rule: Rect, results: Rect) {
        let (form, rest) = layout.body.inset(left: 1, right: 1).splitTop(formHeight)
        let (rule, results) = rest.splitTop(1)
        return (form, rule, results)
    }

    static func statusSpans(_ state: ConsoleState) -> [TextSpan] {
        let sim = state.simulator
        if let error = sim.loadError {
            // The reason in short (the code); :as root can list every principal.
            let why = error.code ?? "refused"
            return [TextSpan(" Users and roles could not be listed as \(state.identity.label) (\(why)); :as root lists them",
                             role: .warning)]
        }
        guard let run = sim.run else {
            return [TextSpan(" Decides as the engine would, without doing anything.", role: .dim)]
        }
        let allowed = run.outcomes.filter { $0.outcome == .allowed }.count
        return [TextSpan(" \(allowed) of \(run.outcomes.count) action\(run.outcomes.count == 1 ? "" : "s") allowed", role: .dim)]
    }

    // MARK: - Form

    private static func drawForm(_ buffer: inout ScreenBuffer, _ sim: SimulatorState, _ rect: Rect) {
        let labelWidth = 10
        for field in SimulatorField.allCases where field.rawValue < rect.height {
            let row = rect.row(field.rawValue)
            let focused = sim.editing && sim.field == field
            let (label, value) = row.splitLeft(labelWidth + 1)
            buffer.write(field.label, in: label.inset(right: 1), alignment: .right,
                         role: focused ? .fieldLabelFocused : .fieldLabel)
            switch field {
            case .principal:
                drawPrincipal(&buffer, sim, focused: focused, value)
            case .actions:
                drawInput(&buffer, sim.actions, focused: focused, placeholder: "s3:GetObject, s3:PutObject (Tab completes)", value)
            case .resource:
                drawInput(&buffer, sim.resource, focused: focused, placeholder: "* (any resource)", value)
            case .context:
                drawInput(&buffer, sim.context, focused: focused, placeholder: "KEY=VALUE, … (optional)", value)
            }
        }
        if rect.height > SimulatorField.allCases.count {
            // At 80 columns a message needs the whole width; beside the labels from 100 on.
            let row = rect.row(SimulatorField.allCases.count)
            drawHint(&buffer, sim, rect.width >= 90 ? row.inset(left: labelWidth + 1) : row.inset(left: 1))
        }
    }

    /// A text field: scrolled to its cursor while focused; otherwise from its start, cut with "…".
    private static func drawInput(_ buffer: inout ScreenBuffer, _ input: TextInputState, focused: Bool, placeholder: String,
                                  _ rect: Rect) {
        if focused || input.isEmpty {
            buffer.render(TextInputView(state: input, focused: focused, placeholder: placeholder), in: rect)
        } else {
            buffer.write(input.text, in: rect, role: .input, fill: true)
        }
    }

    private static func drawPrincipal(_ buffer: inout ScreenBuffer, _ sim: SimulatorState, focused: Bool, _ rect: Rect) {
        let role: StyleRole = focused ? .inputFocused : .input
        var spans = [TextSpan("‹ \(sim.principal.label) ›", role: role)]
        if sim.principal == .typedPolicies {
            spans.append(TextSpan("  e edits the policy", role: .dim))
        } else if focused {
            spans.append(TextSpan("  ←/→ chooses", role: .dim))
        }
        buffer.write(spans, in: rect)
    }

    /// Under the form: what is wrong, else the completions, else what the focused field wants.
    private static func drawHint(_ buffer: inout ScreenBuffer, _ sim: SimulatorState, _ rect: Rect) {
        if let problem = sim.problem {
            buffer.write("✗ " + problem, in: rect, role: .error)
            return
        }
        let completions = sim.completions
        if !completions.isEmpty {
            // Whole candidates only, as many as fit beside "+N more".
            var spans = [TextSpan("Tab: ", role: .dim)]
            var shown = 0
            for action in completions {
                let rest = completions.count - shown - 1
                let more = rest > 0 ? "+\(rest) more".displayWidth : 0
                guard spans.displayWidth + action.displayWidth + 2 + more <= rect.width else { break }
                spans += [TextSpan(action, role: shown == 0 ? .match : .normal), TextSpan("  ")]
                shown += 1
            }
            if shown < completions.count { spans.append(TextSpan("+\(completions.count - shown) more", role: .dim)) }
            buffer.write(spans, in: rect)
            return
        }
        guard sim.editing else {
            buffer.write("i edits the form · Enter runs", in: rect, role: .dim)
            return
        }
        let help: String
        switch sim.field {
        case .principal: help = "Root, a user, a role, or a policy you type (e edits it)."
        case .actions: help = "Comma separated; Enter decides each one."
        case .resource: help = "An ARN such as arn:aws:s3:::reports/q1.csv; * is any."
        case .context: help = "Comma separated, such as aws:SourceIp=203.0.113.7"
        }
        buffer.write(help, in: rect, role: .dim)
    }

    private static func drawRule(_ buffer: inout ScreenBuffer, _ sim: SimulatorState, _ rect: Rect, note: String?) {
        guard rect.height > 0 else { return }
        buffer.write(String(repeating: "─", count: rect.width), in: rect, role: .border)
        buffer.write(" Results ", at: Point(x: rect.x + 2, y: rect.y), role: sim.editing ? .dim : .header, maxWidth: rect.width - 2)
        if let note {
            buffer.write(" \(note) ", in: rect.inset(left: 12, right: 2), alignment: .right, role: .scrollIndicator)
        }
    }
}
