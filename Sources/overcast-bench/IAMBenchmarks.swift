import CloudEngine
import Console
import Foundation
import IAMPolicy
import TerminalUI

/// The IAM figures of issue 3 (one decision for a caller with 10 attached policies of 10 statements
/// with conditions) and of issue 9 (hostile documents: many variables, an oversized file).
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
        try enginePath(trail: true)
        try enginePath(trail: false)
        try hostileDocuments()
        managedCatalog()
        try consoleFigures()
    }

    /// Issue 10's console figures: what a person waits for in the IAM panels.
    static func consoleFigures() throws {
        try catalogFilterKeystroke()
        try roleDetailFigure()
    }

    /// `iam.catalog_filter_keystroke_p99_us`: the policy picker (the wizard's and "attach"'s) holding every
    /// managed policy the account offers, as a person types "AWSLambdaBasicExecutionRole" one key at a time
    /// and deletes it again: each key refilters names and descriptions, as the console does; p99 of one key.
    static func catalogFilterKeystroke() throws {
        let folder = try Measurement.scratchFolder("iam-picker")
        defer { try? FileManager.default.removeItem(at: folder) }
        let account = try Account.open(path: folder.appendingPathComponent("account.sqlite").path)
        let choices = try PolicyChoice.available(account: account, caller: .root)
        let word = "AWSLambdaBasicExecutionRole"
        var samples: [Double] = []
        for _ in 0..<300 {
            var picker = PolicyPickerState()
            picker.setChoices(choices)
            let keys = word.map { KeyEvent.key(.character($0)) } + Array(repeating: KeyEvent.key(.backspace), count: word.count)
            for key in keys {
                samples.append(Measurement.seconds { _ = picker.handle(key, pageSize: 20) } * 1e6)
            }
            precondition(picker.visible.count == choices.count, "deleting the word must show every policy again")
        }
        Measurement.report("iam.catalog_filter_keystroke_policies", Double(choices.count), "policies")
        Measurement.report("iam.catalog_filter_keystroke_median_us", Measurement.percentile(samples, 0.5), "us")
        Measurement.report("iam.catalog_filter_keystroke_p99_us", Measurement.percentile(samples, 0.99), "us")
    }

    /// `iam.role_detail_10_policies_p99_us`: opening a role with ten attached managed policies and an inline one in
    /// the Roles panel: the role, each policy's default document, the inline document and the functions using it,
    /// read as the panel reads them (as root).
    static func roleDetailFigure() throws {
        let folder = try Measurement.scratchFolder("iam-role-detail")
        defer { try? FileManager.default.removeItem(at: folder) }
        let account = try Account.open(path: folder.appendingPathComponent("account.sqlite").path)
        let names = ["AmazonS3ReadOnlyAccess", "AmazonS3FullAccess", "AWSLambda_ReadOnlyAccess", "AWSLambda_FullAccess",
                     "CloudWatchLogsReadOnlyAccess", "CloudWatchLogsFullAccess", "IAMReadOnlyAccess", "IAMFullAccess",
                     "ReadOnlyAccess", "service-role/AWSLambdaBasicExecutionRole"]
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        try account.iam.createRole("busy", trustPolicy: trust, attaching: names.map { "arn:aws:iam::aws:policy/\($0)" }, caller: .root)
        try account.iam.putInlinePolicy("extra", document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
                                        on: .role("busy"), caller: .root)
        var samples: [Double] = []
        for _ in 0..<500 {
            var count = 0
            samples.append(try Measurement.seconds { count = try RoleDetailData.load(role: "busy", account: account, caller: .root).permissions.count } * 1e6)
            precondition(count == 11, "the role must show its ten managed policies and the inline one")
        }
        Measurement.report("iam.role_detail_10_policies_median_us", Measurement.percentile(samples, 0.5), "us")
        Measurement.report("iam.role_detail_10_policies_p99_us", Measurement.percentile(samples, 0.99), "us")
    }

    /// Issue 10: reading the whole AWS managed policy catalog (every file read, as at first use),
    /// and filtering it by name as the console's policy picker does on each keystroke.
    static func managedCatalog() {
        var loadSamples: [Double] = []
        var count = 0
        for _ in 0..<5 {
            loadSamples.append(Measurement.seconds {
                let contents = ManagedPolicyCatalog.Contents.readBundle()
                precondition(contents.problems.isEmpty, "the managed policy catalog must load: \(contents.problems)")
                count = contents.policies.count
            } * 1e3)
        }
        Measurement.report("iam.managed_catalog_policies", Double(count), "policies")
        Measurement.report("iam.managed_catalog_load_ms", Measurement.percentile(loadSamples, 0.5), "ms")
        // What loading would cost if it parsed every document too: the work parsedDocument() defers.
        var parseSamples: [Double] = []
        for _ in 0..<5 {
            parseSamples.append(Measurement.seconds {
                let parsed = ManagedPolicyCatalog.all.filter { (try? $0.parsedDocument()) != nil }.count
                precondition(parsed == count, "every managed policy document must parse")
            } * 1e3)
        }
        Measurement.report("iam.managed_catalog_parse_all_documents_ms", Measurement.percentile(parseSamples, 0.5), "ms")
        // Every prefix of a few names a learner types, as each keystroke would filter.
        let typed = ["amazons3readonly", "lambda", "AWSLambdaBasicExecutionRole", "ReadOnlyAccess", "sqs", "x"]
        let queries = typed.flatMap { word in (1...word.count).map { String(word.prefix($0)) } }
        var filterSamples: [Double] = []
        for _ in 0..<200 {
            for query in queries {
                var found = 0
                filterSamples.append(Measurement.seconds { found = ManagedPolicyCatalog.named(containing: query).count } * 1e6)
                precondition(found <= count)
            }
        }
        Measurement.report("iam.managed_catalog_filter_median_us", Measurement.percentile(filterSamples, 0.5), "us")
        Measurement.report("iam.managed_catalog_filter_p99_us", Measurement.percentile(filterSamples, 0.99), "us")
    }

    /// Issue 9: a Resource of 50,000 `${aws:username}` parsed and decided (it took 9 s when
    /// splitting it was quadratic), and a 10 MB policy refused by the simulator before parsing.
    static func hostileDocuments() throws {
        let caller = PolicyCaller.user(accountId: "123456789012", name: "alice", path: "/", userId: "AIDAEXAMPLEALICE0001")
        let context = ConditionContext.globalKeys(for: caller, now: Date(timeIntervalSince1970: 1_767_225_600),
                                                  sourceIp: "10.1.2.3", secureTransport: true, requestedRegion: "us-east-1")
        let variables = String(repeating: "${aws:username}", count: 50_000)
        let text = #"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/\#(variables)"}}"#
        let request = PolicyRequest(caller: caller, action: "s3:GetObject",
                                    resource: "arn:aws:s3:::b/" + String(repeating: "alice", count: 50_000), context: context)
        var variableSamples: [Double] = []
        for _ in 0..<5 {
            var outcome: Decision.Outcome?
            variableSamples.append(try Measurement.seconds {
                let policy = ApplicablePolicy(name: "variables", source: .user,
                                              document: try PolicyDocument(parsing: text, kind: .identity))
                outcome = PolicyEvaluator.evaluate(request: request, policies: [policy]).outcome
            } * 1e3)
            precondition(outcome == .allowed, "the 50,000-variable resource must allow alice's object")
        }
        Measurement.report("iam.variables_50k_ms", Measurement.percentile(variableSamples, 0.5), "ms")

        let statement = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}"#
        let huge = #"{"Version": "2012-10-17", "Statement": ["#
            + Array(repeating: statement, count: 10 * 1024 * 1024 / (statement.utf8.count + 2)).joined(separator: ", ") + "]}"
        var refusalSamples: [Double] = []
        for _ in 0..<5 {
            var refused = false
            refusalSamples.append(Measurement.seconds {
                do throws(PolicySimulationError) {
                    _ = try PolicySimulator.evaluate(identityPolicies: [huge], actions: ["s3:GetObject"])
                } catch {
                    refused = error.code == "ValidationError"
                }
            } * 1e3)
            precondition(refused, "a 10 MB policy must be refused as too long")
        }
        Measurement.report("iam.refuse_10mb_policy_ms", Measurement.percentile(refusalSamples, 0.5), "ms")
    }

    /// The same caller through the engine: HeadObject as the IAM user, so loading the user's
    /// policies and the bucket policy in the transaction, the cache and the evaluation are all counted.
    /// `trail` false: the same without the activity trail, to show what recording costs a decision.
    static func enginePath(trail: Bool) throws {
        let folder = try Measurement.scratchFolder("iam")
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = AccountOptions()
        options.recordsActivity = trail
        let account = try Account.open(path: folder.appendingPathComponent("iam.sqlite").path, options: options)
        try account.storage.createBucket("bucket-9", caller: .root)
        try account.storage.putObject(bucket: "bucket-9", key: "reports/2026/q1.csv",
                                      body: DataBodySource(Data("a,b\n".utf8)), caller: .root)
        let user = try account.iam.createUser("alice", tags: [IAMTag(key: "team", value: "data")], caller: .root)
        for index in 0..<10 {
            let policy = try account.iam.createPolicy("policy-\(index)", document: policyText(index), caller: .root)
            try account.iam.attachPolicy(policy.arn, to: .user("alice"), caller: .root)
        }
        let caller = Caller(identity: .user(name: "alice", id: user.id, path: "/"), sourceIP: "10.1.2.3", secureTransport: true)
        var allowed: [Double] = []
        var denied: [Double] = []
        for _ in 0..<5_000 {
            allowed.append(try Measurement.seconds {
                _ = try account.storage.headObject(bucket: "bucket-9", key: "reports/2026/q1.csv", caller: caller)
            } * 1e6)
            denied.append(Measurement.seconds {
                do {
                    try account.storage.deleteBucket("bucket-9", caller: caller)
                    preconditionFailure("the benchmark user must not be allowed to delete the bucket")
                } catch {}
            } * 1e6)
        }
        let off = trail ? "" : "_trail_off"
        Measurement.report("iam.headobject_as_user_10x10\(off)_median_us", Measurement.percentile(allowed, 0.5), "us")
        Measurement.report("iam.headobject_as_user_10x10\(off)_p99_us", Measurement.percentile(allowed, 0.99), "us")
        Measurement.report("iam.denied_call_as_user_10x10\(off)_median_us", Measurement.percentile(denied, 0.5), "us")
        Measurement.report("iam.denied_call_as_user_10x10\(off)_p99_us", Measurement.percentile(denied, 0.99), "us")
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
