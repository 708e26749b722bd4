@_spi(Benchmarks) import CloudEngine
import Foundation

/// The storage figures of issue 2: small puts, listing pages over a million keys, and 1 GiB streams.
enum StorageBenchmarks {
    static func run() throws {
        let folder = try Measurement.scratchFolder("storage")
        defer { try? FileManager.default.removeItem(at: folder) }
        // With the activity trail (as shipped) and without it, side by side: what recording costs a put.
        try smallPuts(folder: folder, trail: true)
        try smallPuts(folder: folder, trail: false)
        try listingPages(folder: folder)
        try largeFile(folder: folder)
    }

    /// PutObject of 1 KiB bodies, in-process, each its own transaction; `trail` false opens the account without
    /// the activity trail.
    static func smallPuts(folder: URL, trail: Bool) throws {
        var options = AccountOptions()
        options.recordsActivity = trail
        let file = trail ? "puts.sqlite" : "puts-untrailed.sqlite"
        let account = try Account.open(path: folder.appendingPathComponent(file).path, options: options)
        try account.storage.createBucket("puts", caller: .root)
        let body = Data(repeating: 0x61, count: 1024)
        let count = 20_000
        let seconds = try Measurement.seconds {
            for index in 0..<count {
                try account.storage.putObject(bucket: "puts", key: "obj/\(index)", body: DataBodySource(body), caller: .root)
            }
        }
        try account.activity.flush()
        Measurement.report(trail ? "storage.put_1kib_per_s" : "storage.put_1kib_trail_off_per_s", Double(count) / seconds, "ops/s")
    }

    /// One page of 50 keys from a bucket of 1,000,000: at its start, its middle, and under a prefix with a delimiter.
    static func listingPages(folder: URL) throws {
        let account = try Account.open(path: folder.appendingPathComponent("million.sqlite").path)
        try account.storage.createBucket("million", caller: .root)
        // 1,000 folders of 1,000 files each: "f0499/part-000123.csv".
        let keys = (0..<1_000_000).lazy.map { index in
            "f" + pad(index / 1000, 4) + "/part-" + pad(index % 1000, 6) + ".csv"
        }
        try account.storage.bulkLoadEmptyObjects(bucket: "million", keys: keys)
        let cases: [(String, ListObjectsRequest)] = [
            ("start", ListObjectsRequest(maxKeys: 50)),
            ("middle", ListObjectsRequest(maxKeys: 50, startAfter: "f0500/part-000000.csv")),
            ("prefix", ListObjectsRequest(prefix: "f0731/", delimiter: "/", maxKeys: 50, startAfter: "f0731/part-000400.csv")),
            ("folders", ListObjectsRequest(delimiter: "/", maxKeys: 50, startAfter: "f0500/")),
        ]
        for (name, request) in cases {
            var samples: [Double] = []
            for _ in 0..<300 {
                samples.append(try Measurement.seconds {
                    let page = try account.storage.listObjects(bucket: "million", request: request, caller: .root)
                    precondition(page.keyCount == 50, "a page of 50 was expected")
                } * 1000)
            }
            Measurement.report("storage.list_page50_\(name)_median_ms", Measurement.percentile(samples, 0.5), "ms")
            Measurement.report("storage.list_page50_\(name)_p99_ms", Measurement.percentile(samples, 0.99), "ms")
        }
    }

    /// PutObject and GetObject of a 1 GiB file, beside `cp` of the same file on the same disk, with peak RSS.
    static func largeFile(folder: URL) throws {
        let size = Int(ProcessInfo.processInfo.environment["OVERCAST_BENCH_LARGE_MIB"] ?? "1024") ?? 1024
        let source = folder.appendingPathComponent("source.bin")
        try writeRandomFile(source, mebibytes: size)
        let copy = folder.appendingPathComponent("copy.bin")
        let cpSeconds = try Measurement.seconds {
            let cp = Process()
            cp.executableURL = URL(fileURLWithPath: "/bin/cp")
            cp.arguments = [source.path, copy.path]
            try cp.run()
            cp.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: copy)
        let db = folder.appendingPathComponent("large.sqlite").path
        let put = try child("_storage-put-file", [db, source.path])
        let get = try child("_storage-get-file", [db, copy.path])
        Measurement.report("storage.cp_1gib_mib_per_s", Double(size) / cpSeconds, "MiB/s")
        Measurement.report("storage.put_1gib_mib_per_s", Double(size) / put.seconds, "MiB/s")
        Measurement.report("storage.put_1gib_peak_rss_mib", put.peakMiB, "MiB")
        Measurement.report("storage.get_1gib_mib_per_s", Double(size) / get.seconds, "MiB/s")
        Measurement.report("storage.get_1gib_peak_rss_mib", get.peakMiB, "MiB")
    }

    static func putFileChild() throws {
        let args = Array(CommandLine.arguments.dropFirst(2))
        let account = try Account.open(path: args[0])
        try account.storage.createBucket("large", caller: .root)
        let body = try FileBodySource(path: args[1])
        let seconds = try Measurement.seconds {
            try account.storage.putObject(bucket: "large", key: "one.bin", body: body, caller: .root)
        }
        print("\(seconds) \(Measurement.peakRSSMiB())")
    }

    static func getFileChild() throws {
        let args = Array(CommandLine.arguments.dropFirst(2))
        let account = try Account.open(path: args[0])
        _ = FileManager.default.createFile(atPath: args[1], contents: nil)
        guard let out = FileHandle(forWritingAtPath: args[1]) else { throw LocalFileError.unreadable(path: args[1]) }
        let seconds = try Measurement.seconds {
            try account.storage.getObject(bucket: "large", key: "one.bin", caller: .root) { try out.write(contentsOf: $0) }
            try out.synchronize()
        }
        try out.close()
        print("\(seconds) \(Measurement.peakRSSMiB())")
    }

    /// Runs a child suite of this binary and reads back "seconds peakMiB".
    static func child(_ suite: String, _ args: [String]) throws -> (seconds: Double, peakMiB: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = [suite] + args
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let parts = output.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard process.terminationStatus == 0, parts.count == 2 else {
            throw EngineError.internalError("benchmark child \(suite) failed: \(output)")
        }
        return (parts[0], parts[1])
    }

    static func writeRandomFile(_ url: URL, mebibytes: Int) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: url.path) else { throw LocalFileError.unreadable(path: url.path) }
        var generator = SystemRandomNumberGenerator()
        var block = [UInt8](repeating: 0, count: 1 << 20)
        for _ in 0..<mebibytes {
            for index in stride(from: 0, to: block.count, by: 8) {
                withUnsafeBytes(of: generator.next() as UInt64) { raw in
                    for offset in 0..<8 { block[index + offset] = raw[offset] }
                }
            }
            try handle.write(contentsOf: block)
        }
        try handle.synchronize()
        try handle.close()
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
