import CloudEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// The AWS-compatible endpoint: one Hummingbird responder over the engine. Every request is authenticated
/// (`RequestAuthenticator`), then handed to its service's handler, which decodes, calls the engine as the caller
/// and encodes; the engine authorizes.
public struct EndpointServer: Sendable {
    /// Not LocalStack's 4566 nor moto's 5000, so all three can run side by side (see DECISIONS).
    public static let defaultPort = 4747
    /// The largest body read whole: everything but S3 uploads (which stream), e.g. a Lambda zip sent as base64 JSON.
    public static let maxBodyBytes = 80 << 20

    /// How long a client may stall mid-body before its request fails (S3's RequestTimeout) and the connection
    /// closes; idle keep-alive connections close after it too. `OVERCAST_ENDPOINT_IDLE_TIMEOUT` (seconds) changes it.
    /// Read once: every GetObject's channel and every streamed upload asks for it.
    static let idleTimeout: TimeInterval =
        ProcessInfo.processInfo.environment["OVERCAST_ENDPOINT_IDLE_TIMEOUT"].flatMap(TimeInterval.init).flatMap { $0 > 0 ? $0 : nil } ?? 30

    /// The URL clients use for a server bound to `host` and `port`: a wildcard address is reached through
    /// 127.0.0.1, an IPv6 address goes in brackets.
    public static func clientURL(host: String, port: Int) -> String {
        let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : (host.contains(":") ? "[\(host)]" : host)
        return "http://\(shown):\(port)"
    }

    /// A handler's answer as Hummingbird sends it: the body whole, or streamed from the engine thread.
    static func response(_ answer: APIResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        let status = HTTPResponse.Status(code: answer.status)
        guard let channel = answer.stream else {
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        let length = fields[.contentLength].flatMap(Int.init)
        return Response(status: status, headers: fields, body: ResponseBody(contentLength: length) { writer in
            do {
                while let buffer = try await channel.next() { try await writer.write(buffer) }
                try await writer.finish(nil)
            } catch {
                channel.cancel()
                throw error
            }
        })
    }

    /// Hummingbird's own log: warnings and errors only, on stderr (stdout is for the URL and keys).
    static let logger: Logger = {
        var logger = Logger(label: "overcast.endpoint", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = .warning
        return logger
    }()

    public let account: Account
    public let host: String
    public let port: Int
    let authenticator: RequestAuthenticator

    public init(account: Account, host: String = "127.0.0.1", port: Int = EndpointServer.defaultPort) {
        self.account = account
        self.host = host
        self.port = port
        authenticator = RequestAuthenticator(account: account)
    }

    /// Serves until the task is cancelled or (when given) one of `signals` arrives, which stops it gracefully:
    /// requests under way finish. `onReady` gets the port bound (useful with port 0).
    public func run(stoppingOn signals: [StopSignal] = [], onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let dispatcher = RequestDispatcher(account: account, authenticator: authenticator,
                                           endpointHosts: ["localhost", "127.0.0.1", host.lowercased()])
        let idleTimeout = Self.idleTimeout
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var headers: [(name: String, value: String)] = []
            if let authority = request.head.authority { headers.append(("host", authority)) }
            for field in request.headers { headers.append((field.name.rawName, field.value)) }
            var api = APIRequest(method: request.method.rawValue, rawPath: request.uri.path, rawQuery: request.uri.query ?? "",
                                 headers: headers, body: Data())
            if BodyStreaming.streams(api) {
                let stream = RequestBodyStream(idleTimeout: idleTimeout)
                api.stream = stream
                let pump = Task { await BodyStreaming.pump(request.body, into: stream) }
                let answer = await dispatcher.dispatch(api)
                // The connection reads its next request from where this body ends: the pump must be done before
                // the answer goes. A body the engine stopped reading (an error, a stall) is not waited for.
                if !stream.isComplete { pump.cancel() }
                await pump.value
                return Self.response(answer)
            } else {
                do {
                    api.body = Data(try await request.body.collect(upTo: Self.maxBodyBytes).readableBytesView)
                } catch {
                    return Self.response(await dispatcher.refuseOversized(api))
                }
            }
            return Self.response(await dispatcher.dispatch(api))
        }
        let app = Application(
            responder: responder,
            server: .http1(configuration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [ExpectContinueHandler()],
                // Twice the engine side's wait, so a stalled upload hears RequestTimeout before its connection closes.
                idleTimeout: .milliseconds(Int64(idleTimeout * 2000)))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "Overcast"),
            onServerRunning: { [account, host] channel in
                let bound = channel.localAddress?.port ?? port
                account.endpoint.url = Self.clientURL(host: host, port: bound)
                onReady(bound)
            },
            logger: Self.logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: signals.map(\.unixSignal), logger: Self.logger))
        defer { account.endpoint.url = nil }
        try await group.run()
    }
}

/// The signals that stop the endpoint gracefully.
public enum StopSignal: Sendable {
    case interrupt
    case terminate

    var unixSignal: UnixSignal {
        switch self {
        case .interrupt: return .sigint
        case .terminate: return .sigterm
        }
    }
}
