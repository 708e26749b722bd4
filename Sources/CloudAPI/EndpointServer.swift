import CloudEngine
import Foundation
import HTTPTypes
import Hummingbird
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
    /// The largest body read (S3's single PUT limit is 5 GiB; bodies are held in memory until streaming arrives).
    public static let maxBodyBytes = 512 * 1024 * 1024

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
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let body = try await request.body.collect(upTo: Self.maxBodyBytes)
            var headers: [(name: String, value: String)] = []
            if let authority = request.head.authority { headers.append(("host", authority)) }
            for field in request.headers { headers.append((field.name.rawName, field.value)) }
            let api = APIRequest(method: request.method.rawValue, rawPath: request.uri.path, rawQuery: request.uri.query ?? "",
                                 headers: headers, body: Data(body.readableBytesView))
            let answer = await dispatcher.dispatch(api)
            var fields = HTTPFields()
            for (name, value) in answer.headers {
                if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
            }
            return Response(status: HTTPResponse.Status(code: answer.status), headers: fields,
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
        let app = Application(
            responder: responder,
            server: .http1(additionalChannelHandlers: [ExpectContinueHandler()]),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "Overcast"),
            onServerRunning: { [account, host] channel in
                let bound = channel.localAddress?.port ?? port
                let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : (host.contains(":") ? "[\(host)]" : host)
                account.endpoint.url = "http://\(shown):\(bound)"
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
