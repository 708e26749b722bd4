import Foundation
import Testing
@testable import CloudEngine

@Suite("Runtime: Python worker")
struct RuntimeWorkerTests {
    let fx: RuntimeFixture

    init() throws {
        fx = try RuntimeFixture()
    }

    @Test("A handler's return value comes back as JSON")
    func helloWorld() throws {
        try fx.write(["app.py": "def handler(event, context):\n    return {'statusCode': 200, 'body': 'hello'}\n"])
        let worker = try fx.worker(fx.spec())
        let result = worker.invoke(fx.invocation())
        #expect(result.status == .succeeded)
        #expect(result.functionError == nil)
        let object = try #require(result.json as? [String: Any])
        #expect(object["statusCode"] as? Int == 200)
        #expect(object["body"] as? String == "hello")
    }

    @Test("The context carries the function's name, version, ARN, memory, request id, log names and remaining time")
    func context() throws {
        try fx.write(["app.py": """
            def handler(event, context):
                return {
                    'name': context.function_name, 'version': context.function_version,
                    'arn': context.invoked_function_arn, 'memory': context.memory_limit_in_mb,
                    'id': context.aws_request_id, 'group': context.log_group_name,
                    'stream': context.log_stream_name, 'remaining': context.get_remaining_time_in_millis(),
                }
            """])
        let worker = try fx.worker(fx.spec(memory: 256, timeout: 5))
        let invocation = fx.invocation()
        let result = worker.invoke(invocation)
        let object = try #require(result.json as? [String: Any])
        #expect(object["name"] as? String == "fn")
        #expect(object["version"] as? String == "$LATEST")
        #expect(object["arn"] as? String == "arn:aws:lambda:us-east-1:123456789012:function:fn")
        #expect(object["memory"] as? String == "256")
        #expect(object["id"] as? String == invocation.requestId)
        #expect(object["group"] as? String == "/aws/lambda/fn")
        #expect(object["stream"] as? String == worker.logStreamName)
        #expect(object["stream"] as? String == result.logStreamName)
        let remaining = try #require(object["remaining"] as? Int)
        #expect(remaining > 0 && remaining <= 5000)
    }

    @Test("An event round-trips: unicode and nesting intact")
    func eventRoundTrip() throws {
        try fx.write(["app.py": "def handler(event, context):\n    return event\n"])
        let event = #"{"name":"Zoë ☃ 日本","nested":{"list":[1,2.5,null,true,{"deep":"😀"}],"empty":{}},"quote":"a\"b\\c\n"}"#
        let result = try fx.worker(fx.spec()).invoke(fx.invocation(event))
        let sent = try JSONSerialization.jsonObject(with: Data(event.utf8)) as? NSDictionary
        let back = result.json as? NSDictionary
        #expect(sent == back)
        #expect(result.text.contains(#""Zo\u00eb \u2603"#)) // json.dumps escapes non-ASCII, as Lambda's Python runtime does
    }

    @Test("print, stderr and logging become log lines, in order, and never reach the result")
    func logsCaptured() throws {
        try fx.write(["app.py": """
            import logging, sys
            print('at import')
            def handler(event, context):
                print('one')
                sys.stderr.write('two\\n')
                logging.getLogger().info('three %s', 3)
                logging.getLogger('child').debug('hidden')
                print('four\\nfive')
                sys.stdout.write('partial')
                return 'ok'
            """])
        let invocation = fx.invocation()
        let result = try fx.worker(fx.spec()).invoke(invocation)
        #expect(result.text == "\"ok\"")
        let lines = result.handlerLines
        #expect(lines.count == 6)
        #expect(Array(lines.prefix(2)) == ["one", "two"])
        // Timestamps come from the engine's clock (frozen here) plus the time elapsed in the handler.
        #expect(lines[2].hasPrefix("[INFO]\t2026-01-01T00:00:0"))
        #expect(lines[2].hasSuffix("Z\t\(invocation.requestId)\tthree 3"))
        #expect(Array(lines.suffix(3)) == ["four", "five", "partial"])
        #expect(result.messages.contains("at import"))
        #expect(result.messages.firstIndex(of: "at import")! < result.messages.firstIndex { $0.hasPrefix("START") }!)
    }

    @Test("AWS_LAMBDA_LOG_LEVEL sets the root logger's level")
    func logLevel() throws {
        try fx.write(["app.py": """
            import logging
            def handler(event, context):
                logging.debug('dbg')
                logging.info('inf')
                logging.warning('wrn')
            """])
        let result = try fx.worker(fx.spec(environment: ["AWS_LAMBDA_LOG_LEVEL": "WARN"])).invoke(fx.invocation())
        #expect(result.handlerLines.count == 1)
        #expect(result.handlerLines.first?.hasPrefix("[WARNING]\t") == true)
        let debug = try fx.worker(fx.spec(environment: ["AWS_LAMBDA_LOG_LEVEL": "DEBUG"])).invoke(fx.invocation())
        #expect(debug.handlerLines.count == 3)
    }

    @Test("A handler exception returns Lambda's error shape and logs the traceback")
    func exception() throws {
        try fx.write(["app.py": """
            def helper():
                raise ValueError('bad input')

            def handler(event, context):
                helper()
            """])
        let invocation = fx.invocation()
        let result = try fx.worker(fx.spec()).invoke(invocation)
        #expect(result.status == .functionError)
        let object = try #require(result.json as? [String: Any])
        #expect(Set(object.keys) == ["errorMessage", "errorType", "requestId", "stackTrace"])
        #expect(object["errorType"] as? String == "ValueError")
        #expect(object["errorMessage"] as? String == "bad input")
        #expect(object["requestId"] as? String == invocation.requestId)
        let trace = try #require(object["stackTrace"] as? [String])
        #expect(trace.count == 2)
        #expect(trace[0].contains("app.py\", line 5, in handler"))
        #expect(trace[1].contains("in helper") && trace[1].contains("raise ValueError('bad input')"))
        let logged = try #require(result.handlerLines.last)
        #expect(logged.hasPrefix("[ERROR] ValueError: bad input\nTraceback (most recent call last):\n  File \""))
        #expect(!result.messages.contains { $0.contains("bootstrap.py") })
    }

    @Test("A module that cannot be imported is Runtime.ImportModuleError")
    func importError() throws {
        try fx.write(["other.py": "x = 1\n"])
        let result = try fx.worker(fx.spec(handler: "missing.handler")).invoke(fx.invocation())
        #expect(result.status == .functionError)
        #expect(result.functionError?.errorType == "Runtime.ImportModuleError")
        #expect(result.functionError?.errorMessage == "Unable to import module 'missing': No module named 'missing'")
        #expect(result.messages.contains("[ERROR] Runtime.ImportModuleError: Unable to import module 'missing': No module named 'missing'\nTraceback (most recent call last):"))
        #expect(result.messages.first?.hasPrefix("INIT_START") == true)
        #expect(result.messages.contains { $0.hasPrefix("INIT_REPORT Init Duration: ") && $0.hasSuffix("Status: error\tError Type: Runtime.ImportModuleError") })
        #expect(result.messages.suffix(3).first == "START RequestId: \(result.requestId) Version: $LATEST")
        #expect(result.messages.last?.hasSuffix("\tStatus: error\tError Type: Runtime.ImportModuleError") == true)
        #expect(result.initDurationMs == nil)
    }

    @Test("An exception or a syntax error while importing fails the init phase")
    func initFailures() throws {
        try fx.write(["boom.py": "raise RuntimeError('no config')\n", "broken.py": "def handler(:\n"])
        let raised = try fx.worker(fx.spec(handler: "boom.handler")).invoke(fx.invocation())
        #expect(raised.functionError?.errorType == "RuntimeError")
        #expect(raised.functionError?.errorMessage == "no config")
        #expect(raised.functionError?.stackTrace?.last?.contains("boom.py") == true)
        #expect(raised.messages.last?.hasSuffix("\tStatus: error\tError Type: RuntimeError") == true)
        let broken = try fx.worker(fx.spec(handler: "broken.handler")).invoke(fx.invocation())
        #expect(broken.functionError?.errorType == "Runtime.UserCodeSyntaxError")
        #expect(broken.functionError?.errorMessage.hasPrefix("Syntax error in module 'broken': ") == true)
    }

    @Test("A missing handler function is Runtime.HandlerNotFound; a handler without a dot is Runtime.MalformedHandlerName")
    func handlerNotFound() throws {
        try fx.write(["app.py": "def other(event, context):\n    return 1\n"])
        let missing = try fx.worker(fx.spec(handler: "app.handler")).invoke(fx.invocation())
        #expect(missing.functionError?.errorType == "Runtime.HandlerNotFound")
        #expect(missing.functionError?.errorMessage == "Handler 'handler' missing on module 'app'")
        let malformed = try fx.worker(fx.spec(handler: "apphandler")).invoke(fx.invocation())
        #expect(malformed.functionError?.errorType == "Runtime.MalformedHandlerName")
        #expect(malformed.functionError?.errorMessage == "Bad handler 'apphandler': not enough values to unpack (expected 2, got 1)")
    }

    @Test("A result that is not JSON is Runtime.MarshalError")
    func marshalError() throws {
        try fx.write(["app.py": "def handler(event, context):\n    return {1, 2}\n"])
        let result = try fx.worker(fx.spec()).invoke(fx.invocation())
        #expect(result.functionError?.errorType == "Runtime.MarshalError")
        #expect(result.functionError?.errorMessage == "Unable to marshal response: Object of type set is not JSON serializable")
    }

    @Test("Past its timeout the worker is killed and the invocation reports Lambda's wording")
    func timeout() throws {
        try fx.write(["app.py": "import time\ndef handler(event, context):\n    print('sleeping')\n    time.sleep(5)\n    return 'late'\n"])
        let worker = try fx.worker(fx.spec(timeout: 1))
        let invocation = fx.invocation()
        let result = worker.invoke(invocation)
        #expect(result.status == .timedOut)
        #expect(result.functionError?.errorType == "Sandbox.Timedout")
        #expect(result.functionError?.errorMessage == "RequestId: \(invocation.requestId) Error: Task timed out after 1.00 seconds")
        #expect(result.handlerLines.first == "sleeping")
        #expect(result.handlerLines.last == "2026-01-01T00:00:00.000Z \(invocation.requestId) Task timed out after 1.00 seconds")
        #expect(result.messages.last?.hasSuffix("\tStatus: timeout") == true)
        #expect(!worker.isReusable)
        #expect(kill(worker.pid, 0) != 0) // the process is gone
    }

    @Test("Allocating past the memory size is Runtime.OutOfMemory")
    func outOfMemory() throws {
        try fx.write(["app.py": "def handler(event, context):\n    block = bytearray(1024 * 1024 * 1024)\n    return len(block)\n"])
        let worker = try fx.worker(fx.spec(memory: 128))
        let invocation = fx.invocation()
        let result = worker.invoke(invocation)
        #expect(result.status == .runtimeExited)
        #expect(result.functionError?.errorType == "Runtime.OutOfMemory")
        #expect(result.functionError?.errorMessage == "RequestId: \(invocation.requestId) Error: Runtime exited with error: signal: killed")
        #expect(result.maxMemoryUsedMB == 128)
        #expect(!worker.isReusable)
    }

    @Test("Memory used past the memory size, under the address-space limit, is Runtime.OutOfMemory too")
    func outOfMemoryBelowLimit() throws {
        try fx.write(["app.py": "def handler(event, context):\n    block = bytearray(200 * 1024 * 1024)\n    return len(block)\n"])
        let result = try fx.worker(fx.spec(memory: 128)).invoke(fx.invocation())
        #expect(result.functionError?.errorType == "Runtime.OutOfMemory")
        #expect(result.maxMemoryUsedMB == 128)
    }

    @Test("A runtime that exits is Runtime.ExitError with its status")
    func exitError() throws {
        try fx.write(["app.py": "import os\ndef handler(event, context):\n    print('bye')\n    os._exit(3)\n"])
        let worker = try fx.worker(fx.spec())
        let invocation = fx.invocation()
        let result = worker.invoke(invocation)
        #expect(result.status == .runtimeExited)
        #expect(result.functionError?.errorType == "Runtime.ExitError")
        #expect(result.functionError?.errorMessage == "RequestId: \(invocation.requestId) Error: Runtime exited with error: exit status 3")
        #expect(result.text == #"{"errorMessage":"RequestId: \#(invocation.requestId) Error: Runtime exited with error: exit status 3","errorType":"Runtime.ExitError"}"#)
        #expect(result.handlerLines == ["bye", "RequestId: \(invocation.requestId) Error: Runtime exited with error: exit status 3\nRuntime.ExitError"])
        #expect(!worker.isReusable)
    }

    @Test("Decimals marshal as numbers; output below sys.stdout (fd 1, subprocesses) is captured too")
    func decimalsAndRawOutput() throws {
        try fx.write(["app.py": """
            import decimal, os, subprocess
            def handler(event, context):
                os.write(1, b'raw fd line\\n')
                subprocess.run(['echo', 'from a child'])
                return {'price': decimal.Decimal('1.5')}
            """])
        let result = try fx.worker(fx.spec()).invoke(fx.invocation())
        #expect(result.text == #"{"price": 1.5}"#)
        #expect(result.messages.contains("raw fd line"))
        #expect(result.messages.contains("from a child"))
    }

    @Test("A segfault is reported with Go's signal wording")
    func segfault() throws {
        try fx.write(["app.py": "import ctypes\ndef handler(event, context):\n    ctypes.string_at(0)\n"])
        let result = try fx.worker(fx.spec()).invoke(fx.invocation())
        #expect(result.functionError?.errorType == "Runtime.ExitError")
        #expect(result.functionError?.errorMessage.hasSuffix("Runtime exited with error: signal: segmentation fault") == true)
    }

    @Test("A warm worker keeps module state; only its first invocation is cold")
    func warmReuse() throws {
        try fx.write(["app.py": "count = 0\ndef handler(event, context):\n    global count\n    count += 1\n    return count\n"])
        let worker = try fx.worker(fx.spec())
        let first = worker.invoke(fx.invocation())
        let second = worker.invoke(fx.invocation())
        let third = worker.invoke(fx.invocation())
        #expect([first.text, second.text, third.text] == ["1", "2", "3"])
        #expect(first.coldStart && !second.coldStart && !third.coldStart)
        #expect(first.initDurationMs != nil && second.initDurationMs == nil)
        let local = try #require(RuntimeFixture.runtime.version)
        #expect(first.messages.first?.hasPrefix("INIT_START Runtime Version: python:\(local) (local python3, for python3.11)") == true)
        #expect(first.messages.last?.contains("\tInit Duration: ") == true)
        #expect(second.messages.first == "START RequestId: \(second.requestId) Version: $LATEST")
        #expect(second.messages.last?.contains("Init Duration") == false)
        #expect(second.messages.suffix(2).first == "END RequestId: \(second.requestId)")
        #expect(first.billedDurationMs >= Int(first.durationMs + first.initDurationMs!))
    }

    @Test("Layers go on sys.path after the code, in order: an earlier layer shadows a later one")
    func layers() throws {
        try fx.write(["app.py": "import shared, only_b\ndef handler(event, context):\n    return [shared.WHO, only_b.WHO]\n"])
        try fx.write(["python/shared.py": "WHO = 'a'\n"], in: "layer-a")
        try fx.write(["python/shared.py": "WHO = 'b'\n", "python/only_b.py": "WHO = 'b'\n"], in: "layer-b")
        let result = try fx.worker(fx.spec(layers: ["layer-a", "layer-b"])).invoke(fx.invocation())
        #expect(result.text == #"["a", "b"]"#)
        let reversed = try fx.worker(fx.spec(layers: ["layer-b", "layer-a"])).invoke(fx.invocation())
        #expect(reversed.text == #"["b", "b"]"#)
    }

    @Test("Extracted layers merge into one opt directory where a later layer's file wins, as on Lambda")
    func extractedLayers() throws {
        let layout = try WorkerCodeDirectory.extract(
            code: ["app.py": Data("import shared\ndef handler(event, context):\n    return shared.WHO\n".utf8)],
            layers: [["python/shared.py": Data("WHO = 'first'\n".utf8)], ["python/shared.py": Data("WHO = 'second'\n".utf8)]],
            into: fx.root.appendingPathComponent("env/r1").path)
        #expect(layout.codeDirectory.hasSuffix("env/r1/task"))
        var spec = fx.spec()
        spec.codeDirectory = layout.codeDirectory
        spec.layerDirectories = layout.layerDirectories
        #expect(try fx.worker(spec).invoke(fx.invocation()).text == "\"second\"")
        // Extracting again reuses the complete tree.
        #expect(try WorkerCodeDirectory.extract(code: [:], layers: [], into: fx.root.appendingPathComponent("env/r1").path) == layout)
        #expect(throws: EngineError.self) {
            try WorkerCodeDirectory.extract(code: ["../evil.py": Data()], layers: [], into: fx.root.appendingPathComponent("env/r2").path)
        }
    }

    @Test("The environment is Lambda's, with the function's variables and credentials")
    func environment() throws {
        try fx.write(["app.py": "import os, sys\ndef handler(event, context):\n    return dict(os.environ)\n"])
        let worker = try fx.worker(fx.spec(environment: ["GREETING": "hi", "AWS_REGION": "mars-1"]))
        let env = try #require(worker.invoke(fx.invocation()).json as? [String: String])
        #expect(env["GREETING"] == "hi")
        #expect(env["AWS_REGION"] == "us-east-1")
        #expect(env["AWS_DEFAULT_REGION"] == "us-east-1")
        #expect(env["AWS_EXECUTION_ENV"] == "AWS_Lambda_python3.11")
        #expect(env["AWS_LAMBDA_FUNCTION_NAME"] == "fn")
        #expect(env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "128")
        #expect(env["AWS_LAMBDA_LOG_STREAM_NAME"] == worker.logStreamName)
        #expect(env["_HANDLER"] == "app.handler")
        #expect(env["LAMBDA_TASK_ROOT"] == fx.root.appendingPathComponent("code").path)
        #expect(env["AWS_ACCESS_KEY_ID"] == "ASIATESTKEY")
        #expect(env["AWS_SESSION_TOKEN"] == "token")
        #expect(env["TZ"] == ":UTC")
        #expect(env["PYTHONPATH"] == fx.root.appendingPathComponent("code").path)
        #expect(worker.logStreamName.hasPrefix("2026/01/01/[$LATEST]"))
        #expect(worker.logStreamName.count == "2026/01/01/[$LATEST]".count + 32)
    }
}
