import CloudEngine
import Foundation

// A helper process for the engine's multi-process tests: it writes to an
// account the way a second console or server would, and reports progress on
// stdout so a test can kill it at a chosen moment.
//
//   overcast-fixture put DB BUCKET KEY BYTES     stream a generated body, printing "progress N"
//   overcast-fixture write DB BUCKET PREFIX N     put N small objects and N log events
//   overcast-fixture invoke DB FUNCTION PAYLOAD -  invoke the function synchronously, printing "invoking" first
//   overcast-fixture put-and-wait DB BUCKET KEY -   put a small object, print "written", then wait to be killed

struct GeneratedBody: ObjectBodySource {
    let total: Int
    var produced = 0

    mutating func read(maxCount: Int) throws -> Data {
        let count = min(maxCount, total - produced)
        guard count > 0 else { return Data() }
        defer { produced += count }
        return Data((0..<count).map { UInt8(truncatingIfNeeded: (produced + $0) &* 31) })
    }
}

/// Writes a line to stdout at once (print would buffer it when stdout is a pipe).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let args = CommandLine.arguments
guard args.count >= 6 else { fail("usage: overcast-fixture put|write|invoke DB BUCKET|FUNCTION KEY|PREFIX|PAYLOAD BYTES|N|-") }
do {
    let account = try Account.open(path: args[2])
    switch args[1] {
    case "put":
        guard let bytes = Int(args[5]) else { fail("BYTES must be a number") }
        let options = PutObjectOptions(progress: { done in say("progress \(done)") })
        let info = try account.storage.putObject(bucket: args[3], key: args[4], body: GeneratedBody(total: bytes),
                                                 options: options, caller: .root)
        say("done \(info.etag)")
    case "write":
        guard let count = Int(args[5]) else { fail("N must be a number") }
        let group = "/fixture/\(args[4])"
        try? account.logs.createLogGroup(group, caller: .root)
        try? account.logs.createLogStream(group: group, stream: "s", caller: .root)
        for index in 0..<count {
            try account.storage.putObject(bucket: args[3], key: "\(args[4])/\(index)",
                                          body: DataBodySource(Data("object \(index)".utf8)), caller: .root)
            try account.logs.putLogEvents(group: group, stream: "s", events: [
                InputLogEvent(timestamp: Int64(Date().timeIntervalSince1970 * 1000), message: "wrote \(index)"),
            ], caller: .root)
        }
        say("done \(count)")
    case "put-and-wait":
        // No dispatcher runs here: the object's S3 event stays in the outbox when this process is killed.
        _ = try account.storage.putObject(bucket: args[3], key: args[4], body: DataBodySource(Data("killed".utf8)),
                                          caller: .root)
        say("written")
        while true { pause() }
    case "invoke":
        say("invoking")
        let response = try account.functions.invoke(args[3], payload: Data(args[4].utf8), caller: .root)
        say("done \(response.statusCode)")
    default:
        fail("unknown command \(args[1])")
    }
} catch {
    fail("\(error)")
}
