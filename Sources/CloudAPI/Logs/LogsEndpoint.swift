import AWSSignature
import CloudEngine
import Foundation

/// CloudWatch Logs as one of the endpoint's services: JSON 1.1, the operation named by
/// `X-Amz-Target: Logs_20140328.<Operation>`, errors as `{"__type": ..., "message": ...}`.
struct LogsEndpoint: ServiceEndpoint {
    let account: Account

    static let targetPrefix = "Logs_20140328."

    var signing: SigningService { .other }

    func handle(_ request: APIRequest, caller: Caller, requestID: String) -> APIResponse {
        let target = request.header("x-amz-target") ?? ""
        let name = target.hasPrefix(Self.targetPrefix) ? String(target.dropFirst(Self.targetPrefix.count)) : ""
        guard let operation = LogsOperation(rawValue: name) else {
            let shown = target.isEmpty ? "a request without X-Amz-Target" : target
            let served = LogsOperation.allCases.map(\.rawValue).joined(separator: ", ")
            return JSONErrorResponse.response(code: "UnknownOperationException",
                                              message: "Overcast's CloudWatch Logs does not serve \(shown); it serves \(served).",
                                              status: 400, requestID: requestID)
        }
        let handler = LogsHandler(logs: account.logs, caller: caller, body: JSONRequestBody(request.body),
                                  accountID: account.accountID)
        do {
            return JSONErrorResponse.success(try handler.perform(operation), requestID: requestID)
        } catch {
            return JSONErrorResponse.response(for: error, internalCode: "ServiceUnavailableException", requestID: requestID)
        }
    }

    func failure(code: String, message: String, status: Int, request: APIRequest, requestID: String) -> APIResponse {
        JSONErrorResponse.response(code: code, message: message, status: status, requestID: requestID)
    }
}

/// The operations the endpoint serves, by their `X-Amz-Target` names.
enum LogsOperation: String, CaseIterable {
    case CreateLogGroup, DeleteLogGroup, DescribeLogGroups
    case CreateLogStream, DeleteLogStream, DescribeLogStreams
    case PutLogEvents, GetLogEvents, FilterLogEvents
    case PutRetentionPolicy, DeleteRetentionPolicy
    case TagLogGroup, UntagLogGroup, ListTagsLogGroup, TagResource, UntagResource, ListTagsForResource
    case StartQuery, GetQueryResults, StopQuery, DescribeQueries
}
