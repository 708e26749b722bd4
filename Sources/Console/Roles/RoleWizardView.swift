import TerminalUI

/// Draws the create-role wizard over the panel: the step's form or the policy picker, and the review.
enum RoleWizardView {
    /// The wizard's frame: the whole area between the header and the footer, less a margin.
    static func frame(_ layout: ConsoleLayout) -> Rect {
        let area = Rect(x: 0, y: layout.app.header.maxY, width: layout.app.header.width,
                        height: max(0, layout.app.footer.y - layout.app.header.maxY))
        return area.inset(left: area.width > 100 ? 6 : 1, right: area.width > 100 ? 6 : 1)
    }

    /// Inside the frame, under the steps line.
    static func contentArea(_ layout: ConsoleLayout) -> Rect {
        frame(layout).inset(top: 3, left: 2, bottom: 1, right: 2)
    }

    static func draw(_ buffer: inout ScreenBuffer, _ wizard: RoleWizardState, accountID: String, _ layout: ConsoleLayout) {
        let frame = frame(layout)
        guard frame.width > 10, frame.height > 6 else { return }
        buffer.fill(frame)
        buffer.drawBox(frame, role: .modalBorder, title: "Create role · step \(wizard.step.rawValue + 1) of 3")
        drawSteps(&buffer, wizard.step, in: frame.inset(top: 1, left: 2, right: 2).row(0))
        let content = contentArea(layout)
        switch wizard.step {
        case .trust:
            drawTrust(&buffer, wizard, accountID: accountID, in: content)
        case .permissions:
            buffer.render(PolicyPickerView(state: wizard.picker,
                                           heading: "Space marks a policy (several if you like) · Enter: next step"),
                          in: content)
        case .review:
            drawReview(&buffer, wizard, accountID: accountID, in: content)
        }
    }

    private static func drawSteps(_ buffer: inout ScreenBuffer, _ current: RoleWizardState.Step, in row: Rect) {
        var spans: [TextSpan] = []
        for step in RoleWizardState.Step.allCases {
            let role: StyleRole = step == current ? .selection : step.rawValue < current.rawValue ? .success : .dim
            spans.append(TextSpan(" \(step.rawValue + 1) \(step.title) ", role: role))
            if step != .review { spans.append(TextSpan(" › ", role: .dim)) }
        }
        buffer.write(spans, in: row)
    }

    private static func drawTrust(_ buffer: inout ScreenBuffer, _ wizard: RoleWizardState, accountID: String, in area: Rect) {
        let formHeight = FormView.height(for: wizard.trustForm, width: area.width)
        let (top, rest) = area.splitTop(min(area.height, formHeight))
        buffer.render(FormView(state: wizard.trustForm), in: top)
        var y = 1
        if let problem = wizard.trustProblem {
            for line in TextWrap.lines("✗ " + problem + " Enter edits it again (your text is kept).", width: rest.width)
                .prefix(max(0, rest.height - y)) {
                buffer.write(line, in: rest.row(y), role: .error)
                y += 1
            }
            y += 1
        }
        let isCustom = wizard.trustForm.values.choiceIndex("entity") == 2
        let note = isCustom ? "Enter opens $VISUAL or $EDITOR on the trust policy; it is checked as IAM checks it."
            : "Enter goes on to permissions. The trust policy it makes:"
        buffer.write(note, in: rest.row(y), role: .dim)
        let document = isCustom ? (wizard.customTrust ?? "") : RoleWizard.trustPolicy(wizard, accountID: accountID)
        PolicyDocumentLines.draw(&buffer, PolicyDocumentLines.lines(document), scroll: 0, in: rest.inset(top: y + 1))
    }

    private static func drawReview(_ buffer: inout ScreenBuffer, _ wizard: RoleWizardState, accountID: String, in area: Rect) {
        let formHeight = FormView.height(for: wizard.detailsForm, width: area.width)
        let (top, rest) = area.splitTop(min(area.height, formHeight))
        buffer.render(FormView(state: wizard.detailsForm), in: top)
        let name = wizard.detailsForm.values.text("name")
        let policies = wizard.picker.markedChoices.map(\.name)
        let rows: [(String, String)] = [
            ("Role ARN", "arn:aws:iam::\(accountID):role/\(name.isEmpty ? "…" : name)"),
            ("Trusted", TrustPolicies.summary(RoleWizard.trustPolicy(wizard, accountID: accountID))),
            ("Permissions", policies.isEmpty ? "none (the role may do nothing until you attach a policy)"
                : policies.joined(separator: ", ")),
        ]
        buffer.write(wizard.isCreating ? "Creating…" : "Review · Enter creates the role and attaches its policies, all or nothing",
                     in: rest.row(1), role: wizard.isCreating ? .info : .dim)
        var y = 2
        for (label, value) in rows {
            let lines = TextWrap.lines(value, width: max(1, rest.width - 14))
            for (index, line) in lines.prefix(max(0, rest.height - y)).enumerated() {
                let (left, right) = rest.row(y).splitLeft(14)
                if index == 0 { buffer.write(label, in: left, role: .fieldLabel) }
                buffer.write(line, in: right)
                y += 1
            }
        }
    }
}
