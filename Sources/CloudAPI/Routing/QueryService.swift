import CloudEngine
import Foundation
import IAMPolicy

/// What a query-protocol action's handler returns: the XML inside `<ActionResult>`, or nil for the actions
/// whose answer has no result element (DeleteUser answers only its request id).
typealias QueryAction = @Sendable (QueryCall) throws -> String?

/// A query-protocol service (IAM, STS): a table from `Action=` to handler, and the XML envelope around it.
///
/// Success is `<ActionResponse xmlns=…><ActionResult>…</ActionResult><ResponseMetadata><RequestId>…`;
/// failure is `QueryErrorResponse` in the same namespace, with the engine's code and status.
struct QueryService: Sendable {
    /// `iam`, `sts`: as messages name the service.
    let name: String
    /// `https://iam.amazonaws.com/doc/2010-05-08/`.
    let namespace: String
    let actions: [String: QueryAction]
    /// The service's actions Overcast does not emulate: UnsupportedOperation, not InvalidAction.
    let unemulated: Set<String>

    func handle(_ request: APIRequest, caller: Caller, account: Account, requestID: String) -> APIResponse {
        let parameters = FormParameters(request)
        guard let name = parameters.value("Action"), !name.isEmpty else {
            return failure(code: "MissingAction", message: "The request must contain the parameter Action.", status: 400,
                           requestID: requestID)
        }
        guard let action = actions[name] else {
            if unemulated.contains(name) {
                let error = Self.unsupported("Overcast does not emulate the \(self.name) action \(name) yet.")
                return failure(code: error.code, message: error.message, status: error.httpStatus, requestID: requestID)
            }
            return failure(code: "InvalidAction", message: "The action \(name) is not valid for this web service.", status: 400,
                           requestID: requestID)
        }
        do {
            let result = try action(QueryCall(parameters: parameters, caller: caller, account: account))
            return success(name, result: result, requestID: requestID)
        } catch let error as EngineError {
            return failure(code: error.code, message: error.message, status: error.httpStatus, requestID: requestID)
        } catch let error as PolicySimulationError {
            return failure(code: error.code, message: error.message, status: 400, requestID: requestID)
        } catch {
            return failure(code: "ServiceFailure", message: "The request processing has failed because of an unknown error: \(error).",
                           status: 500, requestID: requestID)
        }
    }

    /// A request Overcast understands but does not emulate (an action, or a parameter whose effect it cannot give):
    /// refused in the words the endpoint uses for services it does not emulate, never quietly ignored.
    static func unsupported(_ message: String) -> EngineError {
        EngineError(code: "UnsupportedOperation", httpStatus: 400, message: message)
    }

    func success(_ action: String, result: String?, requestID: String) -> APIResponse {
        let body = XMLText.declaration + #"<\#(action)Response xmlns="\#(namespace)">"#
            + (result.map { XMLText.wrapped("\(action)Result", $0) } ?? "")
            + XMLText.wrapped("ResponseMetadata", XMLText.element("RequestId", requestID))
            + "</\(action)Response>"
        return APIResponse(status: 200, headers: [("Content-Type", "text/xml"), ("x-amzn-RequestId", requestID)],
                           body: Data(body.utf8))
    }

    func failure(code: String, message: String, status: Int, requestID: String) -> APIResponse {
        QueryErrorResponse.response(code: code, message: message, status: status, requestID: requestID, namespace: namespace)
    }
}
