import Foundation
import IAMPolicy

/// A decision as the request path hands it to the recorder: the values only, turned into a row off the path.
struct ActivityDraft: Sendable {
    var time: Date
    var request: AuthorizationRequest
    var decision: Decision?
    var denial: EngineError?

    func event(accountID: String) -> ActivityEvent {
        let caller = request.caller
        let action = request.action
        let colon = action.firstIndex(of: ":")
        let service = colon.map { String(action[..<$0]) } ?? action
        let name = colon.map { String(action[action.index(after: $0)...]) } ?? action
        let outcome = decision?.outcome ?? (denial == nil ? .allowed : .implicitDeny)
        return ActivityEvent(
            id: nil, eventID: UUID().uuidString.lowercased(), eventTime: Int64((time.timeIntervalSince1970 * 1000).rounded(.down)),
            principalARN: caller.arn(accountID: accountID), principalKind: Self.kind(caller.identity),
            userName: Self.userName(caller.identity), roleName: Self.roleName(caller.identity),
            accessKeyID: caller.accessKeyID, action: action, eventSource: "\(service.lowercased()).amazonaws.com",
            eventName: name, resource: request.resource,
            resourceType: ActivityClassification.resourceType(of: request.resource),
            readOnly: ActivityClassification.isReadOnly(eventName: name), decision: outcome.rawValue,
            statements: (decision?.matchedStatements ?? []).map(ActivityStatement.init),
            origin: caller.origin.kind, originDetail: caller.origin.detail, userAgent: caller.origin.userAgent,
            requestID: caller.requestID, errorCode: denial?.code, errorMessage: denial?.message)
    }

    static func kind(_ identity: Caller.Identity) -> String {
        switch identity {
        case .root: return "root"
        case .user: return "user"
        case .assumedRole: return "assumed-role"
        case .service: return "service"
        case .anonymous: return "anonymous"
        }
    }

    static func userName(_ identity: Caller.Identity) -> String? {
        switch identity {
        case .root: return "root"
        case .user(let name, _, _): return name
        case .assumedRole(_, _, _, let session): return session
        case .service(let name): return name
        case .anonymous: return nil
        }
    }

    static func roleName(_ identity: Caller.Identity) -> String? {
        if case .assumedRole(let role, _, _, _) = identity { return role }
        return nil
    }
}
