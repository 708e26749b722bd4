import CloudEngine
import Console
import Foundation
import Testing
import TerminalUI

/// What a fake `$EDITOR` does next: the tests change it between key presses.
final class FunctionsEditorScript: @unchecked Sendable {
    private let lock = NSLock()
    private var body: @Sendable (String, Data) throws -> Data = { _, data in data }
    private(set) var calls: [String] = []

    func next(_ body: @escaping @Sendable (String, Data) throws -> Data) {
        lock.withLock { self.body = body }
    }

    var editor: ExternalEditor {
        ExternalEditor { [self] name, data in
            let body = lock.withLock { () -> @Sendable (String, Data) throws -> Data in
                calls.append(name)
                return self.body
            }
            return try body(name, data)
        }
    }
}

@Suite("Functions panel")
struct FunctionsPanelTests {
    static let python = FunctionsFixture.hasPython

    private func ran(_ f: FunctionsFixture, _ matches: (FunctionsEffect) -> Bool) -> Bool {
        f.harness.ranEffects.contains { if case .functions(let effect) = $0 { return matches(effect) } else { return false } }
    }

    private func roleNames(_ f: FunctionsFixture) throws -> [String] {
        try f.account.iam.listRoles(caller: .root).map(\.name).sorted()
    }

    // MARK: - Create

    @Test("n, a name, a new basic role and the S3 template create the function, its /service-role/ role, and open its code")
    func createWithNewRole() throws {
        let f = try FunctionsFixture()
        f.openPanel()
        f.harness.press("n")
        f.harness.type("s3-printer")
        f.harness.press("tab", "tab", "tab", "tab", "space")
        let form = try #require(f.form)
        #expect(form.values.text("runtime") == "python3.13")
        #expect(form.values.text("handler") == "lambda_function.lambda_handler")
        #expect(form.values.text("role") == "Create a new role with basic Lambda permissions")
        #expect(form.values.text("template") == "print the S3 event")
        f.harness.press("enter")

        let configuration = try f.functions.getFunctionConfiguration("s3-printer", caller: .root)
        #expect(configuration.runtime == "python3.13")
        #expect(configuration.handler == "lambda_function.lambda_handler")
        let roleName = try #require(configuration.role.split(separator: "/").last.map(String.init))
        let role = try f.account.iam.role(roleName, caller: .root)
        #expect(role.path == "/service-role/")
        #expect(roleName.hasPrefix("s3-printer-role-"))
        #expect(configuration.role == "arn:aws:iam::123456789012:role/service-role/\(roleName)")
        let code = try f.functions.codeFiles(function: "s3-printer", caller: .root)
        #expect(code["lambda_function.py"] == Data(FunctionTemplate.printS3Event.source.utf8))

        #expect(f.state.modal == nil)
        #expect(f.state.screen == .function)
        #expect(f.detail?.name == "s3-printer")
        #expect(f.detail?.tab == .code)
        #expect(f.detail?.currentFile?.path == "lambda_function.py")
        #expect(f.screen.contains("urllib.parse.unquote_plus"))
        #expect(f.screen.contains("lambda_function.py · "))
        #expect(f.lastToast == "Created s3-printer with the new role \(roleName).")
        #expect(f.state.functions.map(\.functionName) == ["s3-printer"])
    }

    @Test("An invalid name shows the naming rule, and Enter creates nothing")
    func invalidName() throws {
        let f = try FunctionsFixture()
        f.openPanel()
        f.harness.press("n")
        f.harness.type("bad name!")
        let rule = "Only letters, numbers, hyphens (-) and underscores (_) are allowed."
        #expect(f.form?.visibleError("name") == rule)
        #expect(f.screen.contains(rule))
        f.harness.press("enter")
        guard case .createFunction(let form)? = f.state.modal else { Issue.record("the form closed"); return }
        #expect(form.values.text("name") == "bad name!")
        #expect(!ran(f) { if case .createFunction = $0 { return true } else { return false } })
        #expect(try f.functions.listFunctions(caller: .root).isEmpty)
        #expect(try roleNames(f).isEmpty)
    }

    @Test("A name that is taken shows ResourceConflictException, keeps the form and what was typed, and changes nothing else")
    func duplicateName() throws {
        let f = try FunctionsFixture()
        try f.role("existing-role")
        let before = try f.function("taken", role: "arn:aws:iam::123456789012:role/existing-role")
        f.openPanel()
        f.harness.press("n")
        f.harness.type("taken")
        f.harness.press("enter")
        let toast = try #require(f.toasts.last)
        #expect(toast.kind == .error)
        #expect(toast.message.hasPrefix("ResourceConflictException: Function already exist: taken"))
        #expect(f.state.screen == .list)
        let form = try #require(f.form, "the create form stays open")
        #expect(form.values.text("name") == "taken")
        #expect(form.visibleError("name")?.hasPrefix("ResourceConflictException: Function already exist: taken") == true)
        #expect(try f.functions.getFunctionConfiguration("taken", caller: .root) == before)
        #expect(try f.functions.listFunctions(caller: .root).count == 1)
        // The role "Create a new role" made for the function is taken back when the function cannot be created.
        #expect(try roleNames(f) == ["existing-role"])
        #expect(try f.account.iam.listPolicies(scope: .local, caller: .root).isEmpty)
        #expect(!toast.message.contains("could not be removed"))
    }

    @Test("Choosing an existing role that trusts Lambda creates the function with it, and no new role")
    func existingRole() throws {
        let f = try FunctionsFixture()
        let role = try f.role("my-lambda-role")
        try f.account.iam.createRole("ec2-only", trustPolicy: """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}
            """, caller: .root)
        f.openPanel()
        f.harness.press("n")
        f.harness.type("with-role")
        #expect(f.state.lambdaRoles.map(\.name) == ["my-lambda-role"])
        f.harness.press("tab", "tab", "tab", "space")
        #expect(f.form?.values.text("role") == "Use my-lambda-role")
        f.harness.press("enter")
        let configuration = try f.functions.getFunctionConfiguration("with-role", caller: .root)
        #expect(configuration.role == role.arn)
        #expect(try roleNames(f) == ["ec2-only", "my-lambda-role"])
        #expect(f.lastToast == "Created function with-role.")
        #expect(f.detail?.name == "with-role")
    }

    // MARK: - Test tab

    @Test("Invoking the hello-world template shows Succeeded, the response and this request's log lines",
          .enabled(if: python, "needs python3"))
    func invokeHelloWorld() throws {
        let f = try FunctionsFixture()
        try f.function("hello")
        f.openPanel()
        f.open("hello", tab: .test)
        f.selectEvent("hello-world")
        f.harness.press("i")
        let result = try #require(f.detail?.result)
        #expect(result.succeeded)
        #expect(result.functionError == nil)
        #expect(result.eventName == "hello-world")
        #expect(result.statusCode == 200)
        let response = try #require(try JSONSerialization.jsonObject(with: Data(result.payload.utf8)) as? [String: Any])
        #expect(response["statusCode"] as? Int == 200)
        #expect(response["body"] as? String == "\"Hello from Lambda!\"")
        #expect(result.logLines.contains { $0.hasPrefix("START RequestId: \(result.requestID)") })
        #expect(result.logLines.contains { $0.hasPrefix("REPORT RequestId: \(result.requestID)") })
        #expect(result.report != nil)
        #expect(f.detail?.invoking == nil)
        let screen = f.screen
        #expect(screen.contains("✓ Succeeded · hello-world · status 200"))
        #expect(screen.contains("\"statusCode\": 200"))
        #expect(screen.contains("Hello from Lambda!"))
        #expect(screen.contains("START RequestId"))
        #expect(screen.contains("REPORT RequestId"))
        // The invocation is recorded, and the Invocations tab lists it once the change is announced.
        f.harness.send(.accountChanged([.invocations, .logs], external: false))
        #expect(f.detail?.invocations.map(\.requestID) == [result.requestID])
    }

    @Test("The s3-put template's run prints the URL-decoded key", .enabled(if: python, "needs python3"))
    func invokeS3Put() throws {
        let f = try FunctionsFixture()
        try f.function("printer", template: .printS3Event)
        f.openPanel()
        f.open("printer", tab: .test)
        f.selectEvent("s3-put")
        #expect(f.detail?.selectedTestEvent == .template(.s3Put))
        f.harness.press("enter")
        let result = try #require(f.detail?.result)
        #expect(result.succeeded)
        #expect(result.logLines.contains("ObjectCreated:Put s3://example-bucket/test/key (1024 bytes)"))
        #expect(result.payload.contains("\"records\": 1") || result.payload.contains("\"records\":1"))
        #expect(f.screen.contains("s3://example-bucket/test/key"))
    }

    @Test("A handler that raises shows Failed: Unhandled with the error document", .enabled(if: python, "needs python3"))
    func failingHandler() throws {
        let f = try FunctionsFixture()
        try f.function("fails")
        try f.functions.updateFunctionCode("fails", code: .files(["lambda_function.py": Data(FunctionsFixture.failingSource.utf8)]),
                                           caller: .root)
        f.openPanel()
        f.open("fails", tab: .test)
        f.harness.press("i")
        let result = try #require(f.detail?.result)
        #expect(!result.succeeded)
        #expect(result.functionError == "Unhandled")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.payload.utf8)) as? [String: Any])
        #expect(document["errorMessage"] as? String == "boom")
        #expect(document["errorType"] as? String == "ValueError")
        #expect(result.logLines.contains("about to fail"))
        #expect(f.screen.contains("✗ Failed: Unhandled"))
        #expect(f.screen.contains("boom"))
    }

    @Test("Saved test events: save as, edit in $EDITOR, refuse invalid JSON, delete; templates can't be edited")
    func savedTestEvents() throws {
        let script = FunctionsEditorScript()
        let f = try FunctionsFixture(editor: script.editor)
        try f.function("events", role: try f.plainRole)
        f.openPanel()
        f.open("events", tab: .test)
        f.selectEvent("hello-world")

        // e on a template is refused, saying why.
        f.harness.press("e")
        #expect(f.lastToast == "Edit: Templates can't be changed: press s to save a copy, then edit that.")
        #expect(script.calls.isEmpty)

        // s, a name, Enter.
        f.harness.press("s")
        #expect(f.form?.values.text("name") == "hello_world")
        f.retype("my-event")
        f.harness.press("enter")
        #expect(f.state.modal == nil)
        let saved = try f.functions.testEvents(function: "events", caller: .root)
        #expect(saved.map(\.name) == ["my-event"])
        #expect(saved.first?.payload == TestEventTemplate.helloWorld.payload)
        #expect(f.detail?.savedEvents.map(\.name) == ["my-event"])
        #expect(f.detail?.selectedTestEvent?.name == "my-event")
        #expect(f.lastToast == "Saved test event my-event.")
        #expect(f.screen.contains("my-event · saved event · i invokes"))

        // e: the editor's JSON replaces the payload.
        script.next { _, _ in Data(#"{"a": 1}"#.utf8) }
        f.harness.press("e")
        #expect(script.calls == ["my-event.json"])
        #expect(try f.functions.testEvents(function: "events", caller: .root).first?.payload == #"{"a": 1}"#)
        #expect(f.detail?.savedEvents.first?.payload == #"{"a": 1}"#)
        #expect(f.screen.contains(#""a": 1"#))

        // Invalid JSON: nothing changes and the engine's error is shown.
        script.next { _, _ in Data("{not json".utf8) }
        f.harness.press("e")
        #expect(try f.functions.testEvents(function: "events", caller: .root).first?.payload == #"{"a": 1}"#)
        #expect(f.detail?.savedEvents.first?.payload == #"{"a": 1}"#)
        let toast = try #require(f.toasts.last)
        #expect(toast.kind == .error)
        #expect(toast.message.hasPrefix("InvalidParameterValueException: The payload of test event my-event is not valid JSON"))

        // The same bytes back: nothing to save.
        script.next { _, data in data }
        f.harness.press("e")
        #expect(f.lastToast == "No changes to my-event: the event is as it was.")

        // x, y deletes it.
        f.harness.press("x")
        guard case .confirmDeleteTestEvent? = f.state.modal else { Issue.record("no confirmation"); return }
        f.harness.press("y")
        #expect(try f.functions.testEvents(function: "events", caller: .root).isEmpty)
        #expect(f.detail?.savedEvents.isEmpty == true)
        #expect(f.lastToast == "Deleted test event my-event.")
        #expect(f.detail?.testEvents.count == TestEventTemplate.all.count)
    }

    // MARK: - Code tab

    @Test("e on the Code tab saves what the editor wrote as a new code revision")
    func editCode() throws {
        let script = FunctionsEditorScript()
        let f = try FunctionsFixture(editor: script.editor)
        let before = try f.function("coded", role: try f.plainRole)
        f.openPanel()
        f.open("coded")
        script.next { _, data in data + Data("# edited by a test\n".utf8) }
        f.harness.press("e")
        #expect(script.calls == ["lambda_function.py"])
        let after = try f.functions.getFunctionConfiguration("coded", caller: .root)
        #expect(after.codeSHA256 != before.codeSHA256)
        let code = try f.functions.codeFiles(function: "coded", caller: .root)
        #expect(code["lambda_function.py"].flatMap { String(data: $0, encoding: .utf8) }?.hasSuffix("# edited by a test\n") == true)
        #expect(f.detail?.configuration?.codeSHA256 == after.codeSHA256)
        #expect(f.screen.contains("# edited by a test"))
        #expect(f.lastToast == "Saved a new code revision of coded (SHA-256 \(after.codeSHA256.prefix(12))…).")
    }

    @Test("An editor that saves the same bytes says No changes and saves nothing")
    func editCodeUnchanged() throws {
        let script = FunctionsEditorScript()
        let f = try FunctionsFixture(editor: script.editor)
        let before = try f.function("coded", role: try f.plainRole)
        f.openPanel()
        f.open("coded")
        script.next { _, data in data }
        f.harness.press("e")
        #expect(f.lastToast == "No changes to lambda_function.py: the code is as it was.")
        #expect(f.toasts.last?.kind == .info)
        #expect(!ran(f) { if case .saveCode = $0 { return true } else { return false } })
        #expect(try f.functions.getFunctionConfiguration("coded", caller: .root).codeSHA256 == before.codeSHA256)
    }

    @Test("An editor that fails shows its message and changes nothing")
    func editCodeFails() throws {
        let script = FunctionsEditorScript()
        let f = try FunctionsFixture(editor: script.editor)
        let before = try f.function("coded", role: try f.plainRole)
        f.openPanel()
        f.open("coded")
        let message = "The editor “vim” exited with status 1; nothing was saved."
        script.next { _, _ in throw ConsoleError(message: message) }
        f.harness.press("e")
        #expect(f.lastToast == message)
        #expect(f.toasts.last?.kind == .error)
        #expect(try f.functions.getFunctionConfiguration("coded", caller: .root) == before)
        #expect(f.detail?.currentFile?.data == Data(FunctionTemplate.helloWorld.source.utf8))
    }

    // MARK: - Configuration

    @Test("The configuration form saves memory, timeout, /tmp size and environment")
    func editConfiguration() throws {
        let f = try FunctionsFixture()
        try f.function("configured", role: try f.plainRole)
        f.openPanel()
        f.open("configured", tab: .configuration)
        f.harness.press("e")
        guard case .configuration(let form)? = f.state.modal else { Issue.record("no form"); return }
        #expect(form.values.text("memory") == "128")
        #expect(form.values.text("role") == "plain")
        f.retype("256")
        f.harness.press("tab")
        f.retype("10")
        f.harness.press("tab")
        f.retype("1024")
        f.harness.press("tab", "tab", "tab")
        f.retype("STAGE=dev, LEVEL=2")
        f.harness.press("enter")
        #expect(f.state.modal == nil)
        let configuration = try f.functions.getFunctionConfiguration("configured", caller: .root)
        #expect(configuration.memorySize == 256)
        #expect(configuration.timeout == 10)
        #expect(configuration.ephemeralStorageSize == 1_024)
        #expect(configuration.environment == ["STAGE": "dev", "LEVEL": "2"])
        #expect(configuration.role == "arn:aws:iam::123456789012:role/plain")
        #expect(configuration.handler == "lambda_function.lambda_handler")
        #expect(f.lastToast == "Saved the configuration of configured.")
        let screen = f.screen
        #expect(screen.contains("256 MB"))
        #expect(screen.contains("10 s"))
        #expect(screen.contains("LEVEL=2"))
        #expect(screen.contains("STAGE=dev"))
        #expect(f.state.table.rows.first?.cells[2] == "256 MB")
    }

    @Test("Memory 99 and /tmp 100 show their rules and are not submitted; an environment without = shows a message")
    func configurationValidation() throws {
        let f = try FunctionsFixture()
        let before = try f.function("configured", role: try f.plainRole)
        f.openPanel()
        f.open("configured", tab: .configuration)
        f.harness.press("enter")
        f.retype("99")
        let memoryRule = "Memory is a whole number of MB from 128 to 10240."
        #expect(f.form?.visibleError("memory") == memoryRule)
        #expect(f.screen.contains(memoryRule))
        f.harness.press("enter")
        guard case .configuration? = f.state.modal else { Issue.record("the form closed"); return }
        #expect(!ran(f) { if case .updateConfiguration = $0 { return true } else { return false } })

        f.retype("128")
        f.harness.press("tab", "tab")
        f.retype("100")
        let storageRule = "Ephemeral storage (/tmp) is a whole number of MB from 512 to 10240."
        #expect(f.form?.visibleError("storage") == storageRule)
        f.retype("512")
        f.harness.press("tab", "tab", "tab")
        f.retype("BAD")
        let message = "“BAD” has no “=”: write KEY=value, separated by commas."
        #expect(f.form?.visibleError("environment") == message)
        #expect(f.screen.contains(message))
        f.harness.press("enter")
        guard case .configuration? = f.state.modal else { Issue.record("the form closed"); return }
        #expect(!ran(f) { if case .updateConfiguration = $0 { return true } else { return false } })
        f.harness.press("esc")
        #expect(f.state.modal == nil)
        #expect(try f.functions.getFunctionConfiguration("configured", caller: .root) == before)
    }

    // MARK: - Triggers

    @Test("Add an S3 trigger, upload a matching key, read the invocation's log, remove the trigger",
          .enabled(if: python, "needs python3"))
    func s3Trigger() throws {
        let f = try FunctionsFixture()
        try f.bucket("uploads")
        try f.function("printer", template: .printS3Event)
        f.openPanel()
        f.open("printer", tab: .triggers)
        #expect(f.screen.contains("No triggers. Press n"))
        f.harness.press("n")
        #expect(f.form?.values.text("bucket") == "uploads")

        // Without the acknowledgement, nothing is added.
        f.harness.press("enter")
        let acknowledge = "Tick this (Space) to confirm you understand recursive invocation."
        #expect(f.form?.visibleError("acknowledge") == acknowledge)
        #expect(f.screen.contains(acknowledge))
        #expect(try f.functions.s3Triggers(function: "printer", caller: .root).isEmpty)

        // The failed submit focused the acknowledgement.
        f.harness.press("space", "enter")
        #expect(f.state.modal == nil)
        let triggers = try f.functions.s3Triggers(function: "printer", caller: .root)
        #expect(triggers.map(\.bucket) == ["uploads"])
        #expect(triggers.first?.events == ["s3:ObjectCreated:*"])
        let rules = try f.account.storage.notificationConfiguration(bucket: "uploads", caller: .root).lambdaFunctionConfigurations
        #expect(rules.map(\.functionARN) == [f.functions.functionARN("printer")])
        #expect(f.detail?.triggers == triggers)
        #expect(f.screen.contains("s3:ObjectCreated:*"))
        #expect(f.lastToast == "Added trigger: uploads → printer.")

        // An upload creates an outbox row; delivering it invokes the function.
        try f.account.storage.putObject(bucket: "uploads", key: "in/hello world.txt", body: DataBodySource(Data("hi".utf8)),
                                        caller: .root)
        let deliveries = try f.account.events.deliveries(bucket: "uploads", caller: .root)
        #expect(deliveries.count == 1)
        #expect(deliveries.first?.functionARN == f.functions.functionARN("printer"))
        try f.account.events.drainOnce()
        f.account.functionRuntime.drainAsyncInvocations()
        f.harness.send(.accountChanged([.invocations, .logs], external: false))
        f.harness.press("5")
        let invocation = try #require(f.detail?.invocations.first)
        #expect(f.detail?.invocations.count == 1)
        #expect(invocation.status == .success)
        #expect(f.screen.contains("Success"))

        f.harness.press("enter")
        // The invocation's lines open in the Log groups panel; Esc comes back.
        #expect(f.harness.state.service == .logGroups)
        let view = try #require(f.harness.state.logGroups.events)
        #expect(view.source.group == "/aws/lambda/printer")
        #expect(view.requestID == invocation.requestID)
        #expect(view.events.contains { $0.message.contains("ObjectCreated:Put s3://uploads/in/hello world.txt (2 bytes)") })
        #expect(f.screen.contains("s3://uploads/in/hello world.txt"))
        f.harness.press("esc")
        #expect(f.harness.state.service == .functions)
        #expect(f.state.screen == .function)
        #expect(f.detail?.tab == .invocations)

        f.harness.press("4", "x")
        guard case .confirmRemoveTrigger? = f.state.modal else { Issue.record("no confirmation"); return }
        f.harness.press("y")
        #expect(try f.functions.s3Triggers(function: "printer", caller: .root).isEmpty)
        #expect(try f.account.storage.notificationConfiguration(bucket: "uploads", caller: .root).lambdaFunctionConfigurations.isEmpty)
        #expect(f.detail?.triggers.isEmpty == true)
        #expect(f.lastToast == "Removed the uploads trigger from printer.")
    }

    // MARK: - The list

    @Test("x then y deletes the selected function")
    func deleteFunction() throws {
        let f = try FunctionsFixture()
        try f.function("keep", role: try f.plainRole)
        try f.function("remove-me", role: try f.plainRole)
        f.openPanel()
        f.select("remove-me")
        f.harness.press("x")
        guard case .confirmDeleteFunction? = f.state.modal else { Issue.record("no confirmation"); return }
        #expect(f.screen.contains("Delete function remove-me?"))
        f.harness.press("y")
        #expect(try f.functions.listFunctions(caller: .root).map(\.functionName) == ["keep"])
        #expect(f.state.table.rows.map(\.id) == ["keep"])
        #expect(f.lastToast == "Deleted function remove-me.")
    }

    @Test("n on the confirmation keeps the function")
    func deleteCancelled() throws {
        let f = try FunctionsFixture()
        try f.function("keep", role: try f.plainRole)
        f.openPanel()
        f.harness.press("delete", "n")
        #expect(f.state.modal == nil)
        #expect(try f.functions.listFunctions(caller: .root).count == 1)
    }

    // MARK: - Keys

    @Test("1-5 and ←/→ switch tabs; Esc returns to the list with the function selected")
    func tabKeys() throws {
        let f = try FunctionsFixture()
        for name in ["alpha", "beta", "gamma"] { try f.function(name, role: try f.plainRole) }
        f.openPanel()
        f.open("beta")
        #expect(f.detail?.tab == .code)
        f.harness.press("2")
        #expect(f.detail?.tab == .configuration)
        #expect(f.screen.contains("Execution role"))
        f.harness.press("3")
        #expect(f.detail?.tab == .test)
        f.harness.press("4")
        #expect(f.detail?.tab == .triggers)
        f.harness.press("5")
        #expect(f.detail?.tab == .invocations)
        f.harness.press("right")
        #expect(f.detail?.tab == .code)
        f.harness.press("left")
        #expect(f.detail?.tab == .invocations)
        f.harness.press("left")
        #expect(f.detail?.tab == .triggers)
        f.harness.press("1")
        #expect(f.detail?.tab == .code)
        f.harness.press("esc")
        #expect(f.state.screen == .list)
        #expect(f.state.table.selectedID == "beta")
        #expect(f.state.table.selectedRow?.cells.first == "beta")
    }

    @Test(":functions opens the panel")
    func commandOpensPanel() throws {
        let f = try FunctionsFixture()
        f.harness.start()
        f.harness.press(":")
        f.harness.type("functions")
        f.harness.press("enter")
        #expect(f.harness.state.service == .functions)
        #expect(f.state.loaded)
        #expect(f.screen.contains("No functions yet. Press n to create one."))
    }

    @Test("? lists the current tab's keys")
    func helpListsTabKeys() throws {
        let f = try FunctionsFixture()
        try f.function("alpha", role: try f.plainRole)
        f.openPanel()
        f.open("alpha", tab: .test)
        f.harness.press("?")
        #expect(f.harness.state.overlay == .help(scroll: 0))
        let screen = f.screen
        #expect(screen.contains("Keys: function · Test"))
        #expect(screen.contains("Invoke"))
        #expect(screen.contains("Save as…"))
        #expect(screen.contains("Next tab"))
        f.harness.press("esc")
        #expect(f.harness.state.overlay == nil)
        f.harness.press("4", "?")
        #expect(f.screen.contains("Keys: function · Triggers"))
        #expect(f.screen.contains("Add trigger"))
    }

    @Test("/ filters the function list as you type; Esc clears it")
    func filterList() throws {
        let f = try FunctionsFixture()
        for name in ["alpha", "beta", "gamma"] { try f.function(name, role: try f.plainRole) }
        f.openPanel()
        f.harness.press("/")
        f.harness.type("gam")
        #expect(f.state.table.rows.map(\.id) == ["gamma"])
        #expect(f.screen.contains("/gam"))
        f.harness.press("enter")
        #expect(f.harness.state.filterInput == nil)
        #expect(f.state.table.rows.map(\.id) == ["gamma"])
        #expect(f.screen.contains("filter gam · 1 of 3 · Esc clears"))
        f.harness.press("esc")
        #expect(f.state.table.rows.count == 3)
    }

    @Test("/ on a function's tabs is refused: the filter works on the list")
    func filterOnlyOnList() throws {
        let f = try FunctionsFixture()
        try f.function("alpha", role: try f.plainRole)
        f.openPanel()
        f.open("alpha")
        f.harness.press("/")
        #expect(f.harness.state.filterInput == nil)
        #expect(f.lastToast == "Filter: Filter works on the function list.")
    }

    /// A fixed result of the hello-world event, as the Test tab shows it after `i`.
    static func fixedResult(_ id: String = "8c3f1a52-6d0e-4b7a-9f21-3e5d7c9b1a40") -> TestResult {
        let report = "REPORT RequestId: \(id)\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: 41 MB\tInit Duration: 85.20 ms"
        return TestResult(eventName: "hello-world", requestID: id, succeeded: true, functionError: nil, statusCode: 200,
                          payload: #"{"statusCode": 200, "body": "\"Hello from Lambda!\""}"#,
                          logLines: ["START RequestId: \(id) Version: $LATEST", "END RequestId: \(id)",
                                     report.replacingOccurrences(of: "\t", with: "  ")],
                          report: InvocationReport.parse(report))
    }

    @Test("After an invocation, moving to another test event shows that event, not the old result")
    func resultGivesWayToSelectedEvent() throws {
        let f = try FunctionsFixture()
        try f.function("hello", role: try f.plainRole)
        f.openPanel()
        f.open("hello", tab: .test)
        f.selectEvent("hello-world")
        f.harness.update { $0.functions.detail?.result = Self.fixedResult() }
        #expect(f.screen.contains("✓ Succeeded · hello-world · status 200"))
        f.harness.press("j")
        #expect(f.detail?.selectedTestEvent?.name == "s3-put")
        #expect(f.screen.contains("s3-put · template · i invokes"))
    }

    @Test("The result's figures and response are readable at both sizes")
    func resultFiguresReadable() throws {
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24)] {
            let f = try FunctionsFixture(size: size)
            try f.role("plain")
            try f.function("hello", role: try f.plainRole)
            f.openPanel()
            f.open("hello", tab: .test)
            f.harness.update { $0.functions.detail?.result = Self.fixedResult() }
            let screen = f.screen
            #expect(screen.contains("✓ Succeeded · hello-world · status 200"), "\(size)")
            #expect(screen.contains("Duration 12.34 ms"), "\(size)")
            if size.width < 100 {
                #expect(screen.contains("Memory 41 MB of 256 MB"), "\(size)")
            } else {
                #expect(screen.contains("Memory 41 MB of 256 MB"), "\(size)")
                #expect(screen.contains("Hello from Lambda!"), "\(size)")
            }
        }
    }

    @Test("The footer's last key fits at 80 columns")
    func footerFitsAt80() throws {
        let f = try FunctionsFixture(size: Size(width: 80, height: 24))
        f.openPanel()
        let footer = try #require(f.screen.split(separator: "\n").last)
        #expect(footer.trimmingCharacters(in: .whitespaces).hasSuffix("? Help"))
    }

    @Test("A role created while the configuration form is open is offered once the choices load")
    func configurationFormOffersNewRoles() throws {
        let f = try FunctionsFixture()
        try f.function("configured", role: try f.plainRole)
        f.openPanel()
        f.open("configured", tab: .configuration)
        // Another process (or the IAM panel) makes a role; e reloads the choices.
        let newer = try f.role("newer-role")
        f.harness.press("e")
        #expect(f.state.lambdaRoles.map(\.name).contains("newer-role"))
        guard case .configuration(let form)? = f.state.modal,
              let field = form.fields.first(where: { $0.id == "role" }),
              case .choice(let options, _) = field.kind else { Issue.record("no role choice"); return }
        #expect(options.contains(newer.name))
    }

    @Test("A log stream opened at a request near the end of a long stream shows that request (80×24, wrapped lines)")
    func logStreamOpensAtLateRequest() throws {
        let f = try FunctionsFixture(size: Size(width: 80, height: 24))
        try f.function("busy", role: try f.plainRole)
        let stream = "2026/01/01/[$LATEST]00112233445566778899aabbccddeeff"
        let target = "99999999-8888-4777-8666-555555555555"
        var messages: [String] = []
        for index in 0..<30 {
            messages.append("Processing record \(index) of the earlier batch, with enough words in it to wrap at eighty columns")
        }
        messages += ["START RequestId: \(target) Version: $LATEST", "the target request", "END RequestId: \(target)"]
        try f.logStream("busy", stream, start: 1_767_225_600_000, messages)
        try f.record("busy", requestID: target, after: 0, stream: stream)
        f.openPanel()
        f.open("busy", tab: .invocations)
        f.harness.press("enter")
        #expect(f.harness.state.logGroups.events?.requestID == target)
        #expect(f.screen.contains("the target request"))
    }
}

/// `:functions` names the list: it shows it whatever was open, with the function that was open selected.
@Suite("Functions panel: the command line")
struct FunctionsPanelCommandTests {
    @Test(":functions with a function open shows the function list, the function selected")
    func commandShowsTheList() throws {
        let f = try FunctionsFixture()
        try f.function("alpha")
        try f.function("beta")
        f.openPanel()
        f.open("beta", tab: .configuration)
        #expect(f.state.screen == .function)
        f.harness.press(":")
        f.harness.type("functions")
        f.harness.press("enter")
        #expect(f.state.screen == .list)
        #expect(f.state.table.selectedID == "beta")
    }
}

/// Where workers cannot be sandboxed, the Functions panel says so once; where they can, the Configuration
/// tab says how they are isolated.
@Suite("Functions panel: the sandbox")
struct FunctionsPanelSandboxTests {
    @Test("Without Landlock, opening Functions warns once per session that handlers run unsandboxed")
    func warnsOnce() throws {
        let f = try FunctionsFixture()
        f.openPanel()
        let unavailable = WorkerSandboxStatus(landlockABI: 0)
        f.harness.send(.functions(.choicesLoaded(roles: [], buckets: [], python: "Python 3.11.7", sandbox: unavailable)))
        f.harness.send(.functions(.choicesLoaded(roles: [], buckets: [], python: "Python 3.11.7", sandbox: unavailable)))
        let warnings = f.toasts.filter { $0.message.hasPrefix("Functions run without a sandbox") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.kind == .warning)
    }

    @Test("With Landlock, no warning; the Configuration tab shows the isolation")
    func sandboxedQuietly() throws {
        let f = try FunctionsFixture()
        try f.function("hello")
        f.openPanel()
        f.harness.send(.functions(.choicesLoaded(roles: [], buckets: [], python: "Python 3.11.7",
                                                 sandbox: WorkerSandboxStatus(landlockABI: 7))))
        #expect(!f.toasts.contains { $0.message.contains("sandbox") })
        f.harness.press("enter", "2")
        #expect(f.screen.contains("Isolation"))
        #expect(f.screen.contains("sandboxed (own /tmp; sees only its code)"))
    }
}
