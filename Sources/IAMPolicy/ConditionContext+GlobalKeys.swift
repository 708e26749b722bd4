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
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60))Z"
    }

    /// The civil date of a day count from 1970-01-01 (inverse of `PolicyDate.daysFromCivil`).
    private static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
