@_spi(Benchmarks) import CloudEngine
import Foundation

/// The figures of issue 13 that the engine answers: a lookup by principal over 1,000,000 trail events, and a
/// policy generated from 100,000 events of one role.
enum ActivityBenchmarks {
    static let eventCount = 1_000_000
    static let busyRoleEvents = 100_000

    static func run() throws {
        let folder = try Measurement.scratchFolder("activity")
        defer { try? FileManager.default.removeItem(at: folder) }
        let account = try Account.open(path: folder.appendingPathComponent("activity.sqlite").path)
        let start = Int64(Date().timeIntervalSince1970 * 1000) - 86_400_000
        let load = try Measurement.seconds {
            for first in stride(from: 0, to: eventCount, by: 50_000) {
                try account.activity.bulkLoad((first..<(first + 50_000)).lazy.map { event($0, start: start, accountID: account.accountID) })
            }
        }
        Measurement.report("activity.load_1m_events_s", load, "s")
        for (name, attribute) in [("user", ActivityQuery.Attribute.userName("user-42")),
                                  ("principal_arn", .principalARN("arn:aws:iam::\(account.accountID):user/user-7"))] {
            var samples: [Double] = []
            for _ in 0..<300 {
                samples.append(try Measurement.seconds {
                    let page = try account.activity.lookup(ActivityQuery(attribute: attribute, limit: 50), caller: .root)
                    precondition(page.events.count == 50, "a full page was expected")
                } * 1000)
            }
            Measurement.report("activity.lookup_by_\(name)_1m_median_ms", Measurement.percentile(samples, 0.5), "ms")
            Measurement.report("activity.lookup_by_\(name)_1m_p99_ms", Measurement.percentile(samples, 0.99), "ms")
        }
        var policy: GeneratedPolicy?
        let generate = try Measurement.seconds {
            policy = try account.activity.generatePolicy(for: .role("busy-fn"), caller: .root)
        }
        precondition((policy?.calls.count ?? 0) > 0, "the busy role's calls were expected")
        Measurement.report("activity.generate_policy_100k_events_s", generate, "s")
    }

    /// Event `index`: one in ten is the busy role's (100,000 in all), the rest spread over 200 users.
    static func event(_ index: Int, start: Int64, accountID: String) -> ActivityEvent {
        let busy = index % 10 == 0
        let user = busy ? "busy-fn" : "user-\(index % 200)"
        let actions = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "logs:PutLogEvents", "lambda:InvokeFunction"]
        let action = actions[index % actions.count]
        let service = String(action.prefix { $0 != ":" })
        let resource = action.hasPrefix("s3:ListBucket") ? "arn:aws:s3:::bucket-\(index % 7)"
            : action.hasPrefix("s3:") ? "arn:aws:s3:::bucket-\(index % 7)/data/part-\(index % 5000).csv"
            : action.hasPrefix("logs:") ? "arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/fn-\(index % 9):log-stream:s"
            : "arn:aws:lambda:us-east-1:000000000000:function:fn-\(index % 9)"
        return ActivityEvent(
            id: nil, eventID: "event-\(index)", eventTime: start + Int64(index) * 80,
            principalARN: busy ? "arn:aws:sts::\(accountID):assumed-role/busy-fn/busy-fn" : "arn:aws:iam::\(accountID):user/\(user)",
            principalKind: busy ? "assumed-role" : "user", userName: user, roleName: busy ? "busy-fn" : nil,
            accessKeyID: nil, action: action, eventSource: "\(service).amazonaws.com",
            eventName: String(action.drop { $0 != ":" }.dropFirst()), resource: resource, resourceType: nil,
            readOnly: action.contains("Get") || action.contains("List"), decision: index % 50 == 0 ? "implicitDeny" : "allowed",
            statements: [], origin: busy ? "function" : "endpoint", originDetail: busy ? "busy-fn" : "127.0.0.1",
            userAgent: nil, requestID: nil, errorCode: nil, errorMessage: nil)
    }
}
