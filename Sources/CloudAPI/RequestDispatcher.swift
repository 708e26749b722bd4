import CloudEngine
import Foundation

/// Sends each authenticated request to its service's handler. The engine's calls block (SQLite), so they run on
/// a thread of their own rather than on the server's event loops.
struct RequestDispatcher: Sendable {
    let account: Account
    let authenticator: RequestAuthenticator
    let services: ServiceDirectory
    private let queue = DispatchQueue(label: "overcast.endpoint.engine", attributes: .concurrent)

    init(account: Account, authenticator: RequestAuthenticator, endpointHosts: Set<String>) {
        self.account = account
        self.authenticator = authenticator
        services = ServiceDirectory(account: account, endpointHosts: endpointHosts)
    }

    func dispatch(_ request: APIRequest) async -> APIResponse {
        await withCheckedContinuation { continuation in
            queue.async {
                let responder = EarlyResponder(continuation)
                var request = request
                request.earlyResponder = responder
                let response = handle(request)
                // A request whose body the handler never read (an error, a refusal) stops the connection waiting.
                request.stream?.abandon()
                responder.send(response)
            }
        }
    }

    /// A body larger than the endpoint reads whole, in the service's error shape.
    func refuseOversized(_ request: APIRequest) async -> APIResponse {
        let service = services.endpoint(for: ServiceName.signed(request) ?? .s3)
        return service.failure(code: "MaxMessageLengthExceeded",
                               message: "Your request was too big: the endpoint reads at most \(EndpointServer.maxBodyBytes) bytes of this kind of request.",
                               status: 400, request: request, requestID: RequestID.make())
    }

    func handle(_ request: APIRequest) -> APIResponse {
        if let target = FunctionURLAddress.match(request),
           let answer = FunctionURLHandler(account: account, authenticator: authenticator)
               .handle(request, urlID: target.id, rawPath: target.rawPath, pathStyle: target.pathStyle) {
            return answer
        }
        let requestID = RequestID.make()
        // An unsigned request can only be S3's (anonymous access a bucket policy grants).
        let service = services.endpoint(for: ServiceName.signed(request) ?? .s3)
        switch authenticator.authenticate(request, signing: service.signing) {
        case .failure(let failure):
            return service.failure(code: failure.code, message: failure.message, status: failure.status, request: request,
                                   requestID: requestID)
        case .success(let authenticated):
            var caller = authenticated.caller
            caller.sourceIP = request.sourceIP
            caller.requestID = requestID
            // A function's own calls keep naming the function; other clients are named by address and agent.
            if case .engine = caller.origin {
                caller.origin = .endpoint(clientAddress: request.sourceIP, userAgent: request.header("user-agent"))
            }
            var decoded = request
            decoded.body = authenticated.body
            decoded.verifiedBody = authenticated.stream
            return service.handle(decoded, caller: caller, requestID: requestID)
        }
    }
}

/// S3-style request ids: 16 upper-case hex characters.
enum RequestID {
    static func make() -> String {
        String((0..<16).map { _ in "0123456789ABCDEF".randomElement() ?? "0" })
    }
}
