import Foundation
import GRDB
import Testing
@testable import CloudEngine

@Suite("Functions console: saved test events")
struct FnConsoleTestEventTests {
    @Test("events are saved, listed by name, and replaced under the same name with a new time")
    func saveListReplace() throws {
        let test = try TestAccount()
        try test.helloFunction()
        let before = try test.changeCount(.functions)
        let saved = try test.functions.saveTestEvent(function: "hello", name: "zeta", payload: #"{"a": 1}"#, caller: .root)
        #expect(saved == FunctionTestEvent(name: "zeta", payload: #"{"a": 1}"#, lastModified: test.clock.now()))
        #expect(try test.changeCount(.functions) == before + 1)
        try test.functions.saveTestEvent(function: FnConsoleFixture.functionARN("hello"), name: "Alpha.v2_x-1", payload: "42", caller: .root)
        try test.functions.saveTestEvent(function: "hello", name: "beta", payload: #""just text""#, caller: .root)
        #expect(try test.functions.testEvents(function: "hello", caller: .root).map(\.name) == ["Alpha.v2_x-1", "beta", "zeta"])

        test.clock.advance(by: 60)
        let replaced = try test.functions.saveTestEvent(function: "hello", name: "zeta", payload: "[1, 2]", caller: .root)
        let events = try test.functions.testEvents(function: "hello", caller: .root)
        #expect(events.count == 3)
        #expect(events.last == replaced)
        #expect(replaced.payload == "[1, 2]")
        #expect(replaced.lastModified == saved.lastModified.addingTimeInterval(60))
    }

    @Test("a name must be 1 to 25 letters, digits, '-', '_' or '.'")
    func names() throws {
        let test = try TestAccount()
        try test.helloFunction()
        for bad in ["", String(repeating: "a", count: 26), "my event", "a/b", "é", "a:b"] {
            expectEngineError("InvalidParameterValueException", 400, "The test event name \"\(bad)\" is not valid",
                              "use 1 to 25 characters, each a letter, a digit, a hyphen (-), an underscore (_) or a period (.)") {
                try test.functions.saveTestEvent(function: "hello", name: bad, payload: "{}", caller: .root)
            }
        }
        let longest = String(repeating: "b", count: 25)
        #expect(try test.functions.saveTestEvent(function: "hello", name: longest, payload: "{}", caller: .root).name == longest)
        #expect(try test.functions.testEvents(function: "hello", caller: .root).map(\.name) == [longest])
    }

    @Test("a payload that is not JSON is refused with the parser's reason, and nothing is saved")
    func invalidPayload() throws {
        let test = try TestAccount()
        try test.helloFunction()
        for bad in ["", "{", #"{"a": }"#, "{'a': 1}", "[1, 2,]x"] {
            let error = expectEngineError("InvalidParameterValueException", 400, "The payload of test event broken is not valid JSON: ",
                                          "Fix it, or save {} for an empty event.") {
                try test.functions.saveTestEvent(function: "hello", name: "broken", payload: bad, caller: .root)
            }
            // The parser's own words sit between the two fixed parts.
            let detail = error?.message.replacingOccurrences(of: "The payload of test event broken is not valid JSON: ", with: "")
                .replacingOccurrences(of: " Fix it, or save {} for an empty event.", with: "")
            #expect(detail?.isEmpty == false, "\(error?.message ?? "")")
        }
        expectEngineError("InvalidParameterValueException", 400, "around character 9.", "That is line 2, column 8.") {
            try test.functions.saveTestEvent(function: "hello", name: "broken", payload: "{\n  \"a\": }", caller: .root)
        }
        #expect(try test.functions.testEvents(function: "hello", caller: .root).isEmpty)
    }

    @Test("at most 10 events per function; replacing one of the 10 is still allowed")
    func limit() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.helloFunction("other")
        for index in 0..<10 {
            try test.functions.saveTestEvent(function: "hello", name: "event-\(index)", payload: "{}", caller: .root)
        }
        expectEngineError("InvalidParameterValueException", 400,
                          "A function can have at most 10 saved test events and hello already has 10") {
            try test.functions.saveTestEvent(function: "hello", name: "event-10", payload: "{}", caller: .root)
        }
        #expect(try test.functions.saveTestEvent(function: "hello", name: "event-3", payload: "[]", caller: .root).payload == "[]")
        #expect(try test.functions.testEvents(function: "hello", caller: .root).count == 10)
        // The limit is per function.
        try test.functions.saveTestEvent(function: "other", name: "event-10", payload: "{}", caller: .root)
        try test.functions.deleteTestEvent(function: "hello", name: "event-0", caller: .root)
        try test.functions.saveTestEvent(function: "hello", name: "event-10", payload: "{}", caller: .root)
        #expect(try test.functions.testEvents(function: "hello", caller: .root).count == 10)
    }

    @Test("deleting removes one event; a missing event or function is ResourceNotFoundException")
    func deleteAndMissing() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.functions.saveTestEvent(function: "hello", name: "one", payload: "{}", caller: .root)
        try test.functions.saveTestEvent(function: "hello", name: "two", payload: "{}", caller: .root)
        try test.functions.deleteTestEvent(function: "hello", name: "one", caller: .root)
        #expect(try test.functions.testEvents(function: "hello", caller: .root).map(\.name) == ["two"])
        expectEngineError("ResourceNotFoundException", 404, "Test event one not found for function hello.") {
            try test.functions.deleteTestEvent(function: "hello", name: "one", caller: .root)
        }
        let missing = "Function not found: \(FnConsoleFixture.functionARN("nope"))"
        expectEngineError("ResourceNotFoundException", 404, missing) {
            try test.functions.saveTestEvent(function: "nope", name: "one", payload: "{}", caller: .root)
        }
        expectEngineError("ResourceNotFoundException", 404, missing) {
            try test.functions.testEvents(function: "nope", caller: .root)
        }
        expectEngineError("ResourceNotFoundException", 404, missing) {
            try test.functions.deleteTestEvent(function: "nope", name: "two", caller: .root)
        }
        expectEngineError("InvalidParameterValueException", 400, "carries a qualifier") {
            try test.functions.saveTestEvent(function: "hello:1", name: "one", payload: "{}", caller: .root)
        }
        expectEngineError("ValidationException", 400, "Value 'bad name' at 'functionName' failed to satisfy constraint") {
            try test.functions.testEvents(function: "bad name", caller: .root)
        }
    }

    @Test("saving and deleting need lambda:UpdateFunctionConfiguration, listing lambda:GetFunction, on the function")
    func authorization() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.functions.saveTestEvent(function: "hello", name: "one", payload: "{}", caller: .root)
        let reader = try test.user("reader", policies: [IAMDoc.allow("lambda:GetFunction", on: [FnConsoleFixture.functionARN("hello")])])
        #expect(try test.functions.testEvents(function: "hello", caller: reader).map(\.name) == ["one"])
        expectEngineError("AccessDenied", 403, "lambda:UpdateFunctionConfiguration", FnConsoleFixture.functionARN("hello")) {
            try test.functions.saveTestEvent(function: "hello", name: "two", payload: "{}", caller: reader)
        }
        expectEngineError("AccessDenied", 403, "lambda:UpdateFunctionConfiguration") {
            try test.functions.deleteTestEvent(function: "hello", name: "one", caller: reader)
        }
        let stranger = try test.user("stranger")
        expectEngineError("AccessDenied", 403, "lambda:GetFunction") {
            try test.functions.testEvents(function: "hello", caller: stranger)
        }
        let editor = try test.user("editor", policies: [IAMDoc.allow("lambda:UpdateFunctionConfiguration", on: [FnConsoleFixture.functionARN("hello")])])
        try test.functions.saveTestEvent(function: "hello", name: "two", payload: "{}", caller: editor)
        try test.functions.deleteTestEvent(function: "hello", name: "one", caller: editor)
        #expect(try test.functions.testEvents(function: "hello", caller: .root).map(\.name) == ["two"])
    }

    @Test("deleting a function deletes its test events; a new function of the same name starts with none")
    func deletedWithFunction() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.helloFunction("other")
        try test.functions.saveTestEvent(function: "hello", name: "one", payload: "{}", caller: .root)
        try test.functions.saveTestEvent(function: "hello", name: "two", payload: "{}", caller: .root)
        try test.functions.saveTestEvent(function: "other", name: "kept", payload: "{}", caller: .root)
        try test.functions.deleteFunction("hello", caller: .root)
        #expect(try test.count("SELECT count(*) FROM function_test_events WHERE function_name = 'hello'") == 0)
        try test.helloFunction()
        #expect(try test.functions.testEvents(function: "hello", caller: .root).isEmpty)
        #expect(try test.functions.testEvents(function: "other", caller: .root).map(\.name) == ["kept"])
    }

    @Test("deleting only a version of a function keeps its test events")
    func versionDeleteKeepsEvents() throws {
        let test = try TestAccount()
        try test.helloFunction()
        try test.functions.publishVersion("hello", caller: .root)
        try test.functions.saveTestEvent(function: "hello", name: "one", payload: "{}", caller: .root)
        try test.functions.deleteFunction("hello", qualifier: "1", caller: .root)
        #expect(try test.functions.testEvents(function: "hello", caller: .root).map(\.name) == ["one"])
    }
}
