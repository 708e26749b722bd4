import CloudAPI
@_spi(Benchmarks) import CloudEngine
import Foundation

/// The figures of issue 11: one boto3 client on one thread against the endpoint, beside a do-nothing server with
/// canned replies (the client's own limit) and moto's server when the venv has it (`scripts/bench-setup` installs it).
enum EndpointBenchmarks {
    static let putCount = 1_000
    static let listedKeys = 10_000
    static let objectSize = 50 << 20
    static let concurrentClients = 8

    static func run() throws {
        let client = try EndpointClient()
        let folder = try Measurement.scratchFolder("endpoint")
        defer { try? FileManager.default.removeItem(at: folder) }
        let account = try Account.open(path: folder.appendingPathComponent("endpoint.sqlite").path)
        try account.storage.createBucket("bench", caller: .root)
        try account.storage.bulkLoadEmptyObjects(bucket: "bench", keys: (0..<listedKeys).map { String(format: "list/%05d", $0) })
        try account.storage.putObject(bucket: "bench", key: "big", body: DataBodySource(Data(count: objectSize)), caller: .root)
        guard let root = try account.iam.rootAccessKey() else { throw BenchError("the account has no root key") }
        let overcast = "http://127.0.0.1:\(try startEndpoint(account))"
        let canned = "http://127.0.0.1:\(try CannedS3Server.start(objectSize: objectSize, listedKeys: listedKeys))"
        var servers: [(name: String, url: String)] = [("overcast", overcast), ("canned", canned)]
        let moto = try MotoServer.start(client: client)
        if let moto {
            try client.run(["\(Self.scriptsFolder)/endpoint_seed.py", moto.url, "bench", "list/", String(listedKeys), "big", String(objectSize)],
                           keys: ("testing", "testing"))
            servers.append(("moto", moto.url))
        } else {
            FileHandle.standardError.write(Data("endpoint: moto is not in the venv (scripts/bench-setup installs it); its figures are left out\n".utf8))
        }
        defer { moto?.stop() }
        var putRates: [String: Double] = [:]
        for server in servers {
            let keys = server.name == "moto" ? ("testing", "testing") : (root.accessKeyID, root.secretAccessKey)
            let put = try client.json(["put", "bench", String(putCount)], url: server.url, keys: keys)
            putRates[server.name] = Double(putCount) / put.seconds
            Measurement.report("endpoint.put_1kib_\(server.name)", Double(putCount) / put.seconds, "ops/s")
            let list = try client.json(["list", "bench", "list/"], url: server.url, keys: keys)
            Measurement.report("endpoint.list_objects_v2_10000_keys_\(server.name)", list.seconds, "s")
            let get = try client.json(["get", "bench", "big"], url: server.url, keys: keys)
            Measurement.report("endpoint.get_50mib_\(server.name)", Double(objectSize) / 1_048_576 / get.seconds, "MiB/s")
            let putBig = try client.json(["putbig", "bench", String(objectSize)], url: server.url, keys: keys)
            Measurement.report("endpoint.put_50mib_\(server.name)", Double(objectSize) / 1_048_576 / putBig.seconds, "MiB/s")
        }
        if let ours = putRates["overcast"], let limit = putRates["canned"] {
            Measurement.report("endpoint.put_1kib_percent_of_canned", ours / limit * 100, "%")
        }
        for server in servers where server.name != "moto" {
            let rate = try concurrentPuts(client: client, url: server.url, keys: (root.accessKeyID, root.secretAccessKey))
            Measurement.report("endpoint.put_1kib_\(concurrentClients)_clients_\(server.name)", rate, "ops/s")
        }
    }

    /// Eight client processes start together and each does its share of PutObjects; the total rate over the span.
    static func concurrentPuts(client: EndpointClient, url: String, keys: (String, String)) throws -> Double {
        let each = putCount / concurrentClients * 2
        let startAt = Date().timeIntervalSince1970 + 3
        let processes = try (0..<concurrentClients).map { _ in
            try client.start(["put", "bench", String(each), String(startAt)], url: url, keys: keys)
        }
        var ended = startAt
        for process in processes {
            ended = max(ended, try client.finish(process).endedAt ?? startAt)
        }
        return Double(each * concurrentClients) / (ended - startAt)
    }

    static func startEndpoint(_ account: Account) throws -> Int {
        let ready = DispatchSemaphore(value: 0)
        let port = LockedValue(0)
        let server = EndpointServer(account: account, port: 0)
        Task {
            try await server.run { bound in
                port.set(bound)
                ready.signal()
            }
        }
        ready.wait()
        return port.get()
    }

    static var scriptsFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/bench").path
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
