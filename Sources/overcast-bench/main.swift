import Foundation

// overcast-bench SUITE...: prints one line per figure, `suite.name value unit`.
// Suites: storage, iam, console, functions, endpoint, logs, activity. Run in release: `swift run -c release overcast-bench storage`.

let arguments = Array(CommandLine.arguments.dropFirst())
let suites: [String: () throws -> Void] = [
    "storage": StorageBenchmarks.run,
    "iam": IAMBenchmarks.run,
    "console": ConsoleBenchmarks.run,
    "functions": FunctionBenchmarks.run,
    "endpoint": EndpointBenchmarks.run,
    "logs": LogsBenchmarks.run,
    "activity": ActivityBenchmarks.run,
    "_console-child": ConsoleBenchmarks.child,
    "_logs-writer": LogPaneBenchmarks.writer,
    // Child processes, so each peak RSS is measured alone.
    "_storage-put-file": StorageBenchmarks.putFileChild,
    "_storage-get-file": StorageBenchmarks.getFileChild,
]
// A child suite (leading underscore) takes the rest of the arguments as its own.
let chosen = arguments.first?.hasPrefix("_") == true ? [arguments[0]] : (arguments.isEmpty ? ["storage"] : arguments)
for name in chosen {
    guard let suite = suites[name] else {
        FileHandle.standardError.write(Data("unknown suite \(name); known: storage, iam, console, functions, endpoint, logs, activity\n".utf8))
        exit(2)
    }
    do {
        try suite()
    } catch {
        FileHandle.standardError.write(Data("\(name) failed: \(error)\n".utf8))
        exit(1)
    }
}
