import CloudAPI
import CloudEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// A do-nothing S3 server: the same HTTP stack as the endpoint (Hummingbird), answering with canned replies and
/// no work behind them, so a client's figures against it are the client's own limit.
enum CannedS3Server {
    /// Serves on a free loopback port until the process exits; returns the port.
    static func start(objectSize: Int, listedKeys: Int) throws -> Int {
        let object = ByteBuffer(repeating: 0, count: objectSize)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            _ = try await request.body.collect(upTo: 1 << 30)
            let query = request.uri.query ?? ""
            switch request.method {
            case .put, .post:
                return Response(status: .ok, headers: [.eTag: "\"0f343b0931126a20f133d67c2b018a3b\""])
            case .get where query.contains("list-type=2"):
                let start = query.split(separator: "&").first { $0.hasPrefix("continuation-token=") }
                    .flatMap { Int($0.dropFirst("continuation-token=".count)) } ?? 0
                return Response(status: .ok, headers: [.contentType: "application/xml"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: listPage(from: start, total: listedKeys))))
            case .get:
                return Response(status: .ok, headers: [.contentType: "binary/octet-stream", .eTag: "\"canned\""],
                                body: ResponseBody(byteBuffer: object))
            default:
                return Response(status: .ok)
            }
        }
        let ready = DispatchSemaphore(value: 0)
        let port = LockedValue(0)
        // The same interim answer to `Expect: 100-continue` as the endpoint's, or boto3 waits a second per put.
        let app = Application(responder: responder,
                              server: .http1(configuration: HTTP1Channel.Configuration(additionalChannelHandlers: [ExpectContinueHandler()])),
                              configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in
                                  port.set(channel.localAddress?.port ?? 0)
                                  ready.signal()
                              })
        Task { try await app.runService() }
        ready.wait()
        return port.get()
    }

    /// One page of 1,000 keys of ListObjectsV2, continuing at `start`.
    static func listPage(from start: Int, total: Int) -> String {
        let end = min(total, start + 1000)
        var xml = #"<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>bench</Name><Prefix>list/</Prefix>"#
        xml += "<KeyCount>\(end - start)</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>\(end < total)</IsTruncated>"
        if end < total { xml += "<NextContinuationToken>\(end)</NextContinuationToken>" }
        for index in start..<end {
            xml += "<Contents><Key>list/\(String(format: "%05d", index))</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified>"
                + "<ETag>\"d41d8cd98f00b204e9800998ecf8427e\"</ETag><Size>0</Size><StorageClass>STANDARD</StorageClass></Contents>"
        }
        return xml + "</ListBucketResult>"
    }
}
