import CloudEngine
import Foundation

/// A function URL's `Cors` settings applied as Lambda applies them: a preflight (`OPTIONS` with `Origin` and
/// `Access-Control-Request-Method`) is answered without running the function, and other answers to an allowed
/// origin get `Access-Control-Allow-Origin` and the exposed headers.
struct FunctionURLCORS {
    var allowOrigins: [String] = []
    var allowMethods: [String] = []
    var allowHeaders: [String] = []
    var exposeHeaders: [String] = []
    var allowCredentials = false
    var maxAge: Int?

    /// Nil when the URL has no CORS settings (then requests, preflights included, go to the function).
    init?(_ text: String?) {
        guard let text, let input = try? LambdaJSON(Data(text.utf8)) else { return nil }
        allowOrigins = (try? input.strings("AllowOrigins")) ?? []
        allowMethods = (try? input.strings("AllowMethods")) ?? []
        allowHeaders = (try? input.strings("AllowHeaders")) ?? []
        exposeHeaders = (try? input.strings("ExposeHeaders")) ?? []
        allowCredentials = (try? input.bool("AllowCredentials")) ?? false
        maxAge = try? input.int("MaxAge")
    }

    /// The `Access-Control-Allow-Origin` value for `origin`, or nil when it is not allowed.
    func allowedOrigin(_ origin: String?) -> String? {
        guard let origin else { return nil }
        if allowOrigins.contains("*") { return allowCredentials ? origin : "*" }
        return allowOrigins.contains { $0.caseInsensitiveCompare(origin) == .orderedSame } ? origin : nil
    }

    /// The answer to a preflight request, or nil when `request` is not one.
    func preflight(_ request: APIRequest) -> APIResponse? {
        guard request.method == "OPTIONS", let method = request.header("access-control-request-method") else { return nil }
        var response = APIResponse(status: 200)
        guard let origin = allowedOrigin(request.header("origin")),
              allowMethods.contains("*") || allowMethods.contains(method.uppercased())
        else { return response }
        response.headers.append(("Access-Control-Allow-Origin", origin))
        response.headers.append(("Access-Control-Allow-Methods", allowMethods.joined(separator: ",")))
        if !allowHeaders.isEmpty { response.headers.append(("Access-Control-Allow-Headers", allowHeaders.joined(separator: ","))) }
        if let maxAge { response.headers.append(("Access-Control-Max-Age", String(maxAge))) }
        if allowCredentials { response.headers.append(("Access-Control-Allow-Credentials", "true")) }
        response.headers.append(("Vary", "Origin"))
        return response
    }

    /// Adds the CORS headers to the function's answer to an allowed origin.
    func decorate(_ response: inout APIResponse, for request: APIRequest) {
        guard let origin = allowedOrigin(request.header("origin")) else { return }
        response.headers.append(("Access-Control-Allow-Origin", origin))
        if !exposeHeaders.isEmpty { response.headers.append(("Access-Control-Expose-Headers", exposeHeaders.joined(separator: ","))) }
        if allowCredentials { response.headers.append(("Access-Control-Allow-Credentials", "true")) }
        response.headers.append(("Vary", "Origin"))
    }
}
