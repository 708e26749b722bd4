import Foundation
import IAMPolicy

/// The IAM figure of issue 3: one decision for a caller with 10 attached policies of 10 statements with conditions.
enum IAMBenchmarks {
    static func run() throws {
        let caller = PolicyCaller.user(accountId: "123456789012", name: "alice", path: "/", userId: "AIDAEXAMPLEALICE0001",
                                       tags: ["team": "data"])
        let policies = try (0..<10).map { index in
            ApplicablePolicy(name: "policy-\(index)", arn: "arn:aws:iam::123456789012:policy/policy-\(index)",
                             source: .customerManaged,
                             document: try PolicyDocument(parsing: policyText(index), kind: .identity))
        }
        var context = ConditionContext.globalKeys(for: caller, now: Date(timeIntervalSince1970: 1_767_225_600),
                                                  sourceIp: "10.1.2.3", secureTransport: true, requestedRegion: "us-east-1")
        context["s3:prefix"] = ["reports/2026/"]
        // Allowed only by the last statement of the last policy: every statement is looked at.
        let allowed = PolicyRequest(caller: caller, action: "s3:GetObject",
                                    resource: "arn:aws:s3:::bucket-9/reports/2026/q1.csv", context: context)
        let denied = PolicyRequest(caller: caller, action: "s3:DeleteBucket", resource: "arn:aws:s3:::other", context: context)
        precondition(PolicyEvaluator.evaluate(request: allowed, policies: policies).outcome == .allowed, "benchmark request must be allowed")
        precondition(PolicyEvaluator.evaluate(request: denied, policies: policies).outcome == .implicitDeny, "benchmark request must be denied")
        for (name, request) in [("allowed", allowed), ("implicit_deny", denied)] {
            var samples: [Double] = []
            samples.reserveCapacity(20_000)
            for _ in 0..<20_000 {
                var decision: Decision?
                samples.append(Measurement.seconds { decision = PolicyEvaluator.evaluate(request: request, policies: policies) } * 1e6)
                precondition(decision != nil)
            }
            Measurement.report("iam.decision_10x10_\(name)_median_us", Measurement.percentile(samples, 0.5), "us")
            Measurement.report("iam.decision_10x10_\(name)_p99_us", Measurement.percentile(samples, 0.99), "us")
        }
    }

    /// Ten statements with conditions; only statement 9 of policy 9 matches the benchmark's allowed request.
    static func policyText(_ policy: Int) -> String {
        let statements = (0..<10).map { index -> String in
            let bucket = policy == 9 && index == 9 ? "bucket-9" : "bucket-\(policy)-\(index)"
            return """
                {"Sid": "S\(policy)x\(index)", "Effect": "Allow",
                 "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
                 "Resource": ["arn:aws:s3:::\(bucket)", "arn:aws:s3:::\(bucket)/*"],
                 "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["data", "ml"]},
                               "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"]},
                               "Bool": {"aws:SecureTransport": "true"},
                               "StringLike": {"aws:username": "${aws:username}"}}}
                """
        }
        return "{\"Version\": \"2012-10-17\", \"Statement\": [\(statements.joined(separator: ",\n"))]}"
    }
}
