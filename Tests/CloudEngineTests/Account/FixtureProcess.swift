import Foundation
import TestSupport
import Testing

/// Runs the `overcast-fixture` helper built beside the test bundle.
struct FixtureProcess {
    let process = Process()
    let output = Pipe()

    static func binary() throws -> URL {
        try BuiltProduct.url(named: "overcast-fixture")
    }

    init(_ arguments: [String]) throws {
        process.executableURL = try Self.binary()
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
    }

    /// Reads stdout lines until one satisfies `predicate`; nil if the process ended first.
    func waitForLine(where predicate: (String) -> Bool) -> String? {
        var buffer = Data()
        let handle = output.fileHandleForReading
        while true {
            let piece = handle.availableData
            if piece.isEmpty { return nil }
            buffer.append(piece)
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                if predicate(line) { return line }
            }
        }
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func finish() -> Int32 {
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
