import Testing
import TerminalUI
import ScreenTesting

@Suite struct FormTests {
    static let validator: FormValidator = { values in
        var errors: [String: String] = [:]
        let name = values.text("name")
        if name.isEmpty {
            errors["name"] = "A bucket name is required"
        } else if name.count < 3 {
            errors["name"] = "Bucket names are 3-63 characters long (this one is \(name.count))"
        }
        return errors
    }

    func bucketForm() -> FormState {
        var form = FormState(title: "Create bucket", fields: [
            .text("name", label: "Name", placeholder: "my-bucket", help: "3-63 lowercase letters, digits, dots, hyphens"),
            .choice("region", label: "Region", options: ["us-east-1", "eu-west-1", "ap-northeast-1"]),
            .checkbox("versioning", label: "Versioning", help: "Keep every version of every object"),
        ], submitLabel: "Create")
        form.validate(Self.validator)
        return form
    }

    func type(_ text: String, into form: inout FormState) {
        for character in text { _ = form.handle(.key(.character(character)), validator: Self.validator) }
    }

    func screen(_ form: FormState, size: Size = Size(width: 80, height: 24)) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        buffer.render(FormView(state: form).modal(width: 70), in: buffer.bounds)
        return buffer
    }

    @Test func aFormTallerThanTheScreenScrollsToTheFocusedFieldAndKeepsItsButtons() {
        var form = FormState(title: "Many", fields: (1...9).map { .text("f\($0)", label: "Field \($0)", value: "v\($0)") },
                             submitLabel: "Save")
        let small = Size(width: 60, height: 14)
        var text = screen(form, size: small).text
        #expect(text.contains("Field 1"))
        #expect(!text.contains("Field 9"))
        #expect(text.contains("[ Save ]"))
        #expect(text.contains("more fields (Tab)"))
        for _ in 0..<8 { _ = form.handle(.key(.tab)) }
        text = screen(form, size: small).text
        #expect(text.contains("Field 9"))
        #expect(!text.contains("Field 1 "))
        #expect(text.contains("[ Save ]"))
        let roomy = screen(form, size: Size(width: 80, height: 30)).text
        #expect(roomy.contains("Field 1") && roomy.contains("Field 9") && !roomy.contains("more field"))
    }

    @Test func errorsWaitUntilTheFieldIsTouched() {
        var form = bucketForm()
        #expect(!form.isValid)
        #expect(form.visibleError("name") == nil)
        type("ab", into: &form)
        #expect(form.visibleError("name") == "Bucket names are 3-63 characters long (this one is 2)")
        type("c", into: &form)
        #expect(form.visibleError("name") == nil)
    }

    @Test func tabAndShiftTabMoveBetweenFields() {
        var form = bucketForm()
        #expect(form.handle(.key(.tab)) == .changed)
        #expect(form.focus == 1)
        _ = form.handle(.key(.backTab))
        _ = form.handle(.key(.backTab))
        #expect(form.focus == 2)
    }

    @Test func choicesCycleAndCheckboxesToggle() {
        var form = bucketForm()
        _ = form.handle(.key(.tab))
        _ = form.handle(.key(.right))
        _ = form.handle(.key(.tab))
        _ = form.handle(.key(.space))
        #expect(form.values.text("region") == "eu-west-1")
        #expect(form.values.choiceIndex("region") == 1)
        #expect(form.values.isChecked("versioning"))
        _ = form.handle(.key(.up))
        _ = form.handle(.key(.left))
        _ = form.handle(.key(.left))
        #expect(form.values.text("region") == "ap-northeast-1")
    }

    @Test func submittingWithErrorsFocusesTheFirstOne() {
        var form = bucketForm()
        _ = form.handle(.key(.tab))
        #expect(form.handle(.key(.enter), validator: Self.validator) == .invalid)
        #expect(form.focus == 0)
        #expect(form.visibleError("name") == "A bucket name is required")
    }

    @Test func submittingValidValuesReportsThem() {
        var form = bucketForm()
        type("photos", into: &form)
        guard case .submitted(let values) = form.handle(.key(.enter), validator: Self.validator) else {
            Issue.record("expected submit")
            return
        }
        #expect(values.text("name") == "photos")
        #expect(values.text("region") == "us-east-1")
        #expect(!values.isChecked("versioning"))
    }

    @Test func escapeCancels() {
        var form = bucketForm()
        #expect(form.handle(.key(.escape)) == .cancelled)
    }

    @Test func engineErrorsShowOnTheirField() {
        var form = bucketForm()
        type("photos", into: &form)
        form.setError("Bucket photos already exists in this account", for: "name")
        #expect(form.visibleError("name") == "Bucket photos already exists in this account")
    }

    @Test func freshFormAt80x24() {
        assertScreen(screen(bucketForm()), roles: true)
    }

    @Test func formWithErrorAt80x24() {
        var form = bucketForm()
        type("ab", into: &form)
        _ = form.handle(.key(.tab))
        _ = form.handle(.key(.right))
        assertScreen(screen(form))
    }
}
