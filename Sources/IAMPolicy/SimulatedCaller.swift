import Foundation

/// Who a simulation runs as, read from the ARN given as `CallerArn`.
///
/// IAM's SimulatePrincipalPolicy accepts users and roles; a role only ever acts through a
/// session, so a role is simulated as a session of it, and a session ARN is taken as it is.
/// Either way a resource policy's `Principal` matches as AWS documents (IAM UG, "AWS JSON
/// policy elements: Principal"): the session ARN ("Role session principals") names that
/// session only, the role ARN ("IAM role principals") every session of the role.
enum SimulatedCaller {
    /// The session name given to a role simulated by its role ARN.
    static let roleSessionName = "simulated-session"

    /// What the error message lists as accepted.
    static let acceptedForms = """
        the ARN of an IAM user (arn:aws:iam::123456789012:user/alice), a role \
        (arn:aws:iam::123456789012:role/reader) or a role session \
        (arn:aws:sts::123456789012:assumed-role/reader/session-name)
        """

    /// The caller `arn` names.
    static func parse(_ arn: String) throws(PolicySimulationError) -> PolicyCaller {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, parts[3].isEmpty, isAccountID(parts[4]) else {
            throw malformed(arn)
        }
        let account = parts[4]
        let resource = parts[5]
        switch parts[2] {
        case "iam" where resource.hasPrefix("user/"):
            guard let (path, name) = pathAndName(resource.dropFirst("user".count)) else { throw malformed(arn) }
            return PolicyCaller.user(accountId: account, name: name, path: path)
        case "iam" where resource.hasPrefix("role/"):
            guard let (path, name) = pathAndName(resource.dropFirst("role".count)) else { throw malformed(arn) }
            return PolicyCaller.assumedRole(accountId: account, roleName: name, path: path, sessionName: roleSessionName)
        case "sts" where resource.hasPrefix("assumed-role/"):
            let names = resource.dropFirst("assumed-role/".count).split(separator: "/", omittingEmptySubsequences: false)
            guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty else { throw malformed(arn) }
            // A session ARN carries no role path; the role is taken to be at `/`.
            return PolicyCaller.assumedRole(accountId: account, roleName: String(names[0]), sessionName: String(names[1]))
        default:
            throw malformed(arn)
        }
    }

    /// The global keys that say who the caller is (IAM UG: "AWS global condition context keys").
    ///
    /// `aws:userid` needs the principal's unique id (`AIDA…`, `AROA…:session`), which an ARN does
    /// not carry: it is left for the context entries to give, and reported missing if a statement tests it.
    static func principalKeys(_ caller: PolicyCaller) -> ConditionContext {
        var context = ConditionContext()
        let global = ConditionContext.globalKeys(for: caller, now: .distantPast)
        for key in ["aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType", "aws:username", "aws:userid"] {
            if let values = global[key] { context[key] = values }
        }
        return context
    }

    /// `("/eng/", "bob")` for `/eng/bob`; nil when the name is empty.
    private static func pathAndName(_ pathAndName: Substring) -> (String, String)? {
        guard let slash = pathAndName.lastIndex(of: "/") else { return nil }
        let name = pathAndName[pathAndName.index(after: slash)...]
        guard !name.isEmpty else { return nil }
        return (String(pathAndName[...slash]), String(name))
    }

    private static func isAccountID(_ text: String) -> Bool {
        text.count == 12 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func malformed(_ arn: String) -> PolicySimulationError {
        PolicySimulationError(message: "CallerArn \(JSONString.quoted(arn)) is not one the simulator accepts; give \(acceptedForms)")
    }
}
