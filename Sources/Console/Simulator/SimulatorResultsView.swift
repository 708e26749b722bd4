import Foundation
import IAMPolicy
import TerminalUI

/// Draws a run's results: one line per action with its decision, then the chosen action's
/// deciding statements inside their policy documents, scrolled by `SimulatorState.scroll`.
enum SimulatorResultsView {
    /// One line of the documents pane.
    enum DocumentLine: Equatable {
        case heading(String)
        case text(String, highlighted: Bool)
    }

    static func draw(_ buffer: inout ScreenBuffer, _ sim: SimulatorState, _ rect: Rect) {
        guard rect.height > 0 else { return }
        if sim.running {
            buffer.write("Deciding…", in: rect.row(0), role: .info)
            return
        }
        guard let run = sim.run, let outcome = sim.selectedOutcome else {
            drawEmpty(&buffer, sim, rect)
            return
        }
        let (list, rest) = rect.splitTop(rect.height - 1 - documentsHeight(sim, resultsHeight: rect.height))
        drawOutcomes(&buffer, sim, run.outcomes, list)
        let (summary, documents) = rest.splitTop(1)
        buffer.write(fitted(summarySpans(outcome, request: run.request), width: summary.width), in: summary)
        drawDocuments(&buffer, lines(outcome), scroll: sim.scroll, outcome: outcome.outcome, documents)
    }

    private static func drawEmpty(_ buffer: inout ScreenBuffer, _ sim: SimulatorState, _ rect: Rect) {
        let first = TextWrap.lines("Choose a principal, type the actions to decide (Tab completes), then press Enter.",
                                   width: rect.width)
        let second = TextWrap.lines("Each decision shows the statements that made it, inside their policies.", width: rect.width)
        let lines = first.map { ($0, StyleRole.info) } + second.map { ($0, StyleRole.dim) }
        for (index, line) in lines.enumerated() where index < rect.height {
            buffer.write(line.0, in: rect.row(index), role: line.1)
        }
    }

    // MARK: - Decisions

    private static func drawOutcomes(_ buffer: inout ScreenBuffer, _ sim: SimulatorState, _ outcomes: [SimulationOutcome],
                                     _ rect: Rect) {
        let first = max(0, min(sim.selected - rect.height + 1, outcomes.count - rect.height))
        for (offset, outcome) in outcomes.dropFirst(first).prefix(rect.height).enumerated() {
            let index = first + offset
            let row = rect.row(offset)
            let selected = index == sim.selected
            let label = decisionLabel(outcome.outcome).padding(toLength: 16, withPad: " ", startingAt: 0)
            if selected { buffer.fill(row, role: sim.editing ? .selectionInactive : .selection) }
            let rowRole: StyleRole = selected ? (sim.editing ? .selectionInactive : .selection) : .normal
            buffer.write([TextSpan(selected ? "▸ " : "  ", role: rowRole),
                          TextSpan(label, role: selected ? rowRole : decisionRole(outcome.outcome)),
                          TextSpan(outcome.action, role: rowRole)], in: row)
        }
    }

    static func decisionLabel(_ outcome: Decision.Outcome) -> String {
        switch outcome {
        case .allowed: return "✓ allowed"
        case .explicitDeny: return "✗ explicit deny"
        case .implicitDeny: return "· implicit deny"
        }
    }

    static func decisionRole(_ outcome: Decision.Outcome) -> StyleRole {
        switch outcome {
        case .allowed: return .success
        case .explicitDeny: return .error
        case .implicitDeny: return .warning
        }
    }

    /// One line saying what decided the chosen action.
    static func summarySpans(_ outcome: SimulationOutcome, request: SimulationRequest) -> [TextSpan] {
        let role = decisionRole(outcome.outcome)
        let named = outcome.statements.map { "\($0.statementLabel) in \($0.policyName)" }.joined(separator: ", ")
        var spans: [TextSpan]
        switch outcome.outcome {
        case .allowed where outcome.statements.isEmpty:
            spans = [TextSpan("Allowed: ", role: role), TextSpan("the account root may do anything no resource policy denies")]
        case .allowed:
            spans = [TextSpan("Allowed by ", role: role), TextSpan(named)]
        case .explicitDeny:
            spans = [TextSpan("Denied explicitly by ", role: role), TextSpan(named)]
        case .implicitDeny:
            let why = outcome.documents.isEmpty ? "no policy applies to this principal" : "nothing below allows \(outcome.action)"
            spans = [TextSpan("Implicitly denied: ", role: role), TextSpan(why)]
        }
        if !KnownActions.isKnown(outcome.action) {
            spans.append(TextSpan(" · Overcast never checks \(outcome.action)", role: .dim))
        }
        if !outcome.missingContextKeys.isEmpty {
            spans.append(TextSpan(" · not given: " + outcome.missingContextKeys.joined(separator: ", "), role: .dim))
        }
        return spans
    }

    // MARK: - Documents

    /// Every line of the chosen action's documents, each under a heading naming the policy.
    static func lines(_ outcome: SimulationOutcome) -> [DocumentLine] {
        outcome.documents.flatMap { document -> [DocumentLine] in
            [.heading("\(document.name) · \(document.sourceLabel)")]
                + document.lines.enumerated().map { .text($1, highlighted: document.isHighlighted($0)) }
        }
    }

    static func documentLineCount(_ outcome: SimulationOutcome) -> Int { lines(outcome).count }

    /// Where the documents start scrolled: at the top when the first deciding statement shows
    /// there in `visible` rows, else with it a few rows from the top.
    static func initialScroll(_ outcome: SimulationOutcome, visible: Int) -> Int {
        let first = lines(outcome).firstIndex { line in
            if case .text(_, true) = line { return true }
            return false
        } ?? 0
        return first + 3 < visible ? 0 : max(0, first - 3)
    }

    /// Rows the documents get in a results area `height` rows high (the same split `draw` makes).
    static func documentsHeight(_ sim: SimulatorState, resultsHeight height: Int) -> Int {
        let count = sim.run?.outcomes.count ?? 0
        return max(0, height - min(count, max(1, height / 3)) - 1)
    }

    private static func drawDocuments(_ buffer: inout ScreenBuffer, _ lines: [DocumentLine], scroll: Int,
                                      outcome: Decision.Outcome, _ rect: Rect) {
        guard rect.height > 0 else { return }
        let mark = decisionRole(outcome)
        for (offset, line) in lines.dropFirst(scroll).prefix(rect.height).enumerated() {
            let row = rect.row(offset)
            switch line {
            case .heading(let text):
                buffer.write("── " + text + " ", in: row, role: .header)
            case .text(let text, let highlighted):
                let (gutter, content) = row.splitLeft(2)
                if highlighted {
                    buffer.write("▌", in: gutter, role: mark)
                    buffer.write(text, in: content, role: .marked, fill: true)
                } else {
                    buffer.write(text, in: content, role: .normal)
                }
            }
        }
    }

    /// "↓ 8 more · PgDn" when the documents do not fit: drawn on the rule above the results.
    static func scrollNote(_ sim: SimulatorState, resultsHeight: Int) -> String? {
        guard let outcome = sim.selectedOutcome else { return nil }
        let hidden = documentLineCount(outcome) - sim.scroll - documentsHeight(sim, resultsHeight: resultsHeight)
        switch (sim.scroll > 0, hidden > 0) {
        case (false, false): return nil
        case (true, false): return "↑ PgUp"
        case (false, true): return "↓ \(hidden) more · PgDn"
        case (true, true): return "↑↓ \(hidden) more · PgUp/PgDn"
        }
    }

    /// `spans` cut to `width` cells, ending in "…" when anything was cut.
    static func fitted(_ spans: [TextSpan], width: Int) -> [TextSpan] {
        guard spans.displayWidth > width, width > 0 else { return spans }
        var result: [TextSpan] = []
        var room = width - 1
        for span in spans where room > 0 {
            let part = span.text.prefix(fittingWidth: room)
            result.append(TextSpan(part, role: span.role))
            room -= part.displayWidth
        }
        result.append(TextSpan("…", role: result.last?.role ?? .normal))
        return result
    }
}
