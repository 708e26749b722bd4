import CloudEngine
import Foundation
import IAMPolicy

/// The payload format 2.0 event a function URL hands the function, and the HTTP answer made of its result.
enum FunctionURLEvent {
    /// The event for `request` (whose path the function sees is `rawPath`).
    static func event(_ request: APIRequest, body: Data, rawPath: String, urlID: String, accountID: String?,
                      requestID: String, now: Date) -> Data {
        var headers: [String: String] = [:]
        var cookies: [String] = []
        for header in request.headers {
            let name = header.name.lowercased()
            if name == "cookie" {
                cookies += header.value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                continue
            }
            headers[name] = headers[name].map { $0 + "," + header.value } ?? header.value
        }
        var query: [String: String] = [:]
        for pair in request.rawQuery.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decodeForm(String(parts[0]))
            let value = parts.count > 1 ? decodeForm(String(parts[1])) : ""
            query[name] = query[name].map { $0 + "," + value } ?? value
        }
        let time = UTCTimestamp(now)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let host = request.header("host") ?? ""
        var event: [String: Any] = [
            "version": "2.0",
            "routeKey": "$default",
            "rawPath": rawPath,
            "rawQueryString": request.rawQuery,
            "headers": headers,
            "requestContext": [
                "accountId": accountID ?? "anonymous",
                "apiId": urlID,
                "domainName": host,
                "domainPrefix": urlID,
                "http": [
                    "method": request.method,
                    "path": APIRequest.decode(rawPath),
                    "protocol": "HTTP/1.1",
                    "sourceIp": request.sourceIP ?? "127.0.0.1",
                    "userAgent": request.header("user-agent") ?? "",
                ],
                "requestId": requestID,
                "routeKey": "$default",
                "stage": "$default",
                "time": "\(time.day < 10 ? "0" : "")\(time.day)/\(months[time.month - 1])/\(time.year):\(time.time) +0000",
                "timeEpoch": Int64((now.timeIntervalSince1970 * 1000).rounded(.down)),
            ] as [String: Any],
            "isBase64Encoded": false,
        ]
        if !cookies.isEmpty { event["cookies"] = cookies }
        if !query.isEmpty { event["queryStringParameters"] = query }
        if !body.isEmpty {
            if isText(request.header("content-type")), let text = String(data: body, encoding: .utf8) {
                event["body"] = text
            } else {
                event["body"] = body.base64EncodedString()
                event["isBase64Encoded"] = true
            }
        }
        return (try? JSONSerialization.data(withJSONObject: event, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }

    /// The HTTP answer: a result object with `statusCode` is read as a response (headers, cookies, body,
    /// isBase64Encoded); any other JSON is a 200 `application/json` answer with the result as its body.
    static func response(_ payload: Data) -> APIResponse {
        guard let result = JSONValue.parse(payload) else { return failure(502, "Internal Server Error") }
        guard case .object(let object) = result, let status = object["statusCode"] else {
            return APIResponse(status: 200, headers: [("Content-Type", "application/json")], body: payload)
        }
        guard let code = Int(scalar(status) ?? ""), (100...599).contains(code) else { return failure(502, "Internal Server Error") }
        var headers: [(name: String, value: String)] = []
        if case .object(let given)? = object["headers"] {
            for (name, value) in given.sorted(by: { $0.key < $1.key }) {
                let lower = name.lowercased()
                if lower == "content-length" || lower == "transfer-encoding" || lower == "connection" { continue }
                if let text = scalar(value) { headers.append((name, text)) }
            }
        }
        if !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            headers.append(("Content-Type", "application/json"))
        }
        if case .array(let cookies)? = object["cookies"] {
            for cookie in cookies { if let text = scalar(cookie) { headers.append(("Set-Cookie", text)) } }
        }
        var body = Data()
        if let text = object["body"].flatMap(scalar) {
            if case .bool(true)? = object["isBase64Encoded"] {
                guard let decoded = Data(base64Encoded: text) else { return failure(502, "Internal Server Error") }
                body = decoded
            } else {
                body = Data(text.utf8)
            }
        }
        return APIResponse(status: code, headers: headers, body: body)
    }

    /// What a function URL answers when it cannot run the function: `{"Message":"…"}`.
    static func failure(_ status: Int, _ message: String) -> APIResponse {
        APIResponse(status: status, headers: [("Content-Type", "application/json")],
                    body: Data(("{\"Message\":" + JSONString.quoted(message) + "}").utf8))
    }

    private static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number): return Int(exactly: number).map(String.init) ?? String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    private static func isText(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased() else { return true }
        return type.hasPrefix("text/") || ["json", "xml", "javascript", "x-www-form-urlencoded", "yaml"].contains { type.contains($0) }
    }

    private static func decodeForm(_ text: String) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text
    }
}
