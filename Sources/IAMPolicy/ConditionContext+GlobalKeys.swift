import Foundation

/// The global condition keys every request carries, built in one place.
///
/// The console, the HTTP endpoint and the function runtime all authorize
/// through the engine; building `aws:username`, `aws:PrincipalTag/...` and
/// the clock keys here keeps them identical for all three.
extension ConditionContext {
    /// The global keys for `caller` at time `now` (IAM UG: "AWS global condition context keys").
    ///
    /// - Parameters:
    ///   - sourceIp: the client address, when the request came over the network.
    ///   - secureTransport: whether it came over TLS; nil when not over the network.
    ///   - requestedRegion: the region the request addressed.
    ///   - sourceArn, sourceAccount: for a service acting on behalf of a resource (an S3 event invoking a function).
    public static func globalKeys(
        for caller: PolicyCaller, now: Date, sourceIp: String? = nil, secureTransport: Bool? = nil,
        requestedRegion: String? = nil, sourceArn: String? = nil, sourceAccount: String? = nil
    ) -> ConditionContext {
        var context = ConditionContext()
        switch caller.kind {
        case .root:
            context["aws:PrincipalArn"] = [caller.arn]
            context["aws:PrincipalAccount"] = [caller.accountId]
            context["aws:PrincipalType"] = ["Account"]
            context["aws:userid"] = [caller.userId ?? caller.accountId]
        case .user:
            context["aws:PrincipalArn"] = [caller.arn]
            context["aws:PrincipalAccount"] = [caller.accountId]
            context["aws:PrincipalType"] = ["User"]
            if let name = caller.userName { context["aws:username"] = [name] }
            if let id = caller.userId { context["aws:userid"] = [id] }
        case .assumedRole:
            // aws:PrincipalArn reports the role, not the session (IAM UG: aws:PrincipalArn).
            context["aws:PrincipalArn"] = [caller.roleArn ?? caller.arn]
            context["aws:PrincipalAccount"] = [caller.accountId]
            context["aws:PrincipalType"] = ["AssumedRole"]
            if let id = caller.userId { context["aws:userid"] = [id] }
        case .anonymous:
            context["aws:PrincipalType"] = ["Anonymous"]
        case .service:
            context["aws:PrincipalServiceName"] = [caller.arn]
            context["aws:PrincipalIsAWSService"] = ["true"]
        }
        if caller.kind != .service {
            context["aws:PrincipalIsAWSService"] = ["false"]
            for (key, value) in caller.tags {
                context["aws:PrincipalTag/\(key)"] = [value]
            }
            if !caller.tags.isEmpty {
                context["aws:PrincipalTagKeys"] = caller.tags.keys.sorted()
            }
        }
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        context["aws:CurrentTime"] = [iso8601(seconds: seconds)]
        context["aws:EpochTime"] = [String(seconds)]
        if let sourceIp { context["aws:SourceIp"] = [sourceIp] }
        if let secureTransport { context["aws:SecureTransport"] = [secureTransport ? "true" : "false"] }
        if let requestedRegion { context["aws:RequestedRegion"] = [requestedRegion] }
        if let sourceArn { context["aws:SourceArn"] = [sourceArn] }
        if let sourceAccount { context["aws:SourceAccount"] = [sourceAccount] }
        return context
    }

    /// `2024-03-01T12:30:15Z` for a count of seconds since 1970, in UTC.
    static func iso8601(seconds: Int) -> String {
        UTCTimestamp(milliseconds: Int64(seconds) * 1000).iso8601
    }
}
