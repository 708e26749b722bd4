@testable import CloudEngine
@testable import IAMPolicy

private typealias F = Fixture

/// Rows for resource-based policies, the root user, permissions boundaries and trust policies.
extension EvaluationCases {
    static let principal = "IAM UG: JSON policy elements: Principal"
    static let notPrincipal = "IAM UG: JSON policy elements: NotPrincipal"
    static let sameAccount = "IAM UG: policy evaluation for requests within a single account"
    static let rootRule = "IAM UG: AWS account root user"
    static let boundaries = "IAM UG: permissions boundaries for IAM entities"
    static let trust = "IAM UG: roles terms and concepts — trust policy"

    static let principals: [EvaluationCase] = [
        .init(
            "\(sameAccount) — a resource policy naming the user allows without an identity policy", .allowed,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.aliceArn)"}"#)),
        .init("\(principal) — \"*\" names everyone", .allowed, resourcePolicy: F.bucketPolicy("Allow", principal: #""*""#)),
        .init("\(principal) — {\"AWS\": \"*\"} names every AWS principal", .allowed, resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"*"}"#)),
        .init(
            "\(principal) — an account id delegates to the account: users still need an identity policy", .implicitDeny,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"123456789012"}"#)),
        .init(
            "\(principal) — the account root ARN delegates to the account: users still need an identity policy", .implicitDeny,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"arn:aws:iam::123456789012:root"}"#)),
        .init(
            "\(principal) — the account root ARN plus an identity Allow allows", .allowed,
            identity: [F.allow("s3:GetObject")],
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"arn:aws:iam::123456789012:root"}"#)),
        .init(
            "\(principal) — a statement naming another user does not apply", .implicitDeny,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"arn:aws:iam::123456789012:user/eng/bob"}"#)),
        .init(
            "\(principal) — a list of principals covers any of them", .allowed,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":["arn:aws:iam::123456789012:user/eng/bob","\#(F.aliceArn)"]}"#)),
        .init(
            "\(sameAccount) — a resource policy Allow whose condition fails does not allow", .implicitDeny,
            resourcePolicy: F.bucketPolicy(
                "Allow", principal: #"{"AWS":"\#(F.aliceArn)"}"#, condition: F.cond("Bool", "aws:SecureTransport", ["true"])),
            context: ["aws:SecureTransport": ["false"]]),
        .init(
            "\(sameAccount) — a resource policy Deny for everyone overrides an identity Allow", .explicitDeny,
            identity: [F.allow("s3:*")], resourcePolicy: F.bucketPolicy("Deny", principal: #""*""#)),
        .init(
            "\(principal) — a Deny naming the account applies to its users", .explicitDeny,
            identity: [F.allow("s3:*")], resourcePolicy: F.bucketPolicy("Deny", principal: #"{"AWS":"arn:aws:iam::123456789012:root"}"#)),
        .init(
            "\(principal) — a Deny naming another user does not apply", .allowed,
            identity: [F.allow("s3:*")], resourcePolicy: F.bucketPolicy("Deny", principal: #"{"AWS":"arn:aws:iam::123456789012:user/eng/bob"}"#)),
        .init(
            "\(sameAccount) — a resource policy for another action does not allow", .implicitDeny,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.aliceArn)"}"#, ["s3:PutObject"])),
        .init(
            "\(sameAccount) — a resource policy for another resource does not allow", .implicitDeny,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.aliceArn)"}"#, ["s3:GetObject"], ["arn:aws:s3:::other/*"])),
        .init(
            "\(sameAccount) — an identity Deny overrides a resource policy Allow", .explicitDeny,
            identity: [F.deny("s3:GetObject")], resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.aliceArn)"}"#)),
        .init(
            "\(principal) — a role ARN covers the role's sessions", .allowed, caller: F.session,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.roleArn)"}"#)),
        .init(
            "\(principal) — an assumed-role session ARN covers that session", .allowed, caller: F.session,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.sessionArn)"}"#)),
        .init(
            "\(principal) — a user ARN does not cover a role session", .implicitDeny, caller: F.session,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.aliceArn)"}"#)),
        .init(
            "\(principal) — another session of the same role is not covered by a session ARN", .implicitDeny,
            caller: PolicyCaller.assumedRole(accountId: F.account, roleName: "worker", sessionName: "job-2"),
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.sessionArn)"}"#)),
        .init(
            "\(principal) — a service principal allows that service", .allowed, caller: F.s3Service,
            resourcePolicy: F.bucketPolicy(
                "Allow", principal: #"{"Service":"s3.amazonaws.com"}"#, ["lambda:InvokeFunction"],
                ["arn:aws:lambda:us-east-1:123456789012:function:f"]),
            action: "lambda:InvokeFunction", resource: "arn:aws:lambda:us-east-1:123456789012:function:f"),
        .init(
            "\(principal) — a service principal does not cover another service", .implicitDeny, caller: F.s3Service,
            resourcePolicy: F.bucketPolicy(
                "Allow", principal: #"{"Service":"sns.amazonaws.com"}"#, ["lambda:InvokeFunction"],
                ["arn:aws:lambda:us-east-1:123456789012:function:f"]),
            action: "lambda:InvokeFunction", resource: "arn:aws:lambda:us-east-1:123456789012:function:f"),
        .init(
            "IAM UG: aws:SourceArn — a service grant limited by source ARN applies to that source", .allowed, caller: F.s3Service,
            resourcePolicy: F.bucketPolicy(
                "Allow", principal: #"{"Service":"s3.amazonaws.com"}"#, ["lambda:InvokeFunction"],
                ["arn:aws:lambda:us-east-1:123456789012:function:f"],
                condition: F.cond("ArnLike", "aws:SourceArn", ["arn:aws:s3:::uploads"])),
            action: "lambda:InvokeFunction", resource: "arn:aws:lambda:us-east-1:123456789012:function:f",
            context: ["aws:SourceArn": ["arn:aws:s3:::uploads"]]),
        .init(
            "IAM UG: aws:SourceArn — a service grant limited by source ARN refuses other sources", .implicitDeny, caller: F.s3Service,
            resourcePolicy: F.bucketPolicy(
                "Allow", principal: #"{"Service":"s3.amazonaws.com"}"#, ["lambda:InvokeFunction"],
                ["arn:aws:lambda:us-east-1:123456789012:function:f"],
                condition: F.cond("ArnLike", "aws:SourceArn", ["arn:aws:s3:::uploads"])),
            action: "lambda:InvokeFunction", resource: "arn:aws:lambda:us-east-1:123456789012:function:f",
            context: ["aws:SourceArn": ["arn:aws:s3:::other-bucket"]]),
        .init(
            "\(principal) — a service principal does not cover an IAM user", .implicitDeny,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"Service":"s3.amazonaws.com"}"#)),
        .init(
            "\(principal) — a federated principal does not cover an IAM user", .implicitDeny,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"Federated":"cognito-identity.amazonaws.com"}"#)),
        .init(
            "\(notPrincipal) — Deny with NotPrincipal spares a user listed with its account", .allowed,
            identity: [F.allow("s3:*")],
            resourcePolicy: F.bucketPolicy("Deny", principal: #"{"AWS":["\#(F.aliceArn)","arn:aws:iam::123456789012:root"]}"#, notPrincipal: true)),
        .init(
            "\(notPrincipal) — Deny with NotPrincipal listing the user but not its account still denies it", .explicitDeny,
            identity: [F.allow("s3:*")],
            resourcePolicy: F.bucketPolicy("Deny", principal: #"{"AWS":"\#(F.aliceArn)"}"#, notPrincipal: true)),
        .init(
            "\(notPrincipal) — Deny with NotPrincipal denies everyone not listed", .explicitDeny, caller: F.bob,
            identity: [F.allow("s3:*")],
            resourcePolicy: F.bucketPolicy("Deny", principal: #"{"AWS":["\#(F.aliceArn)","arn:aws:iam::123456789012:root"]}"#, notPrincipal: true)),
        .init(
            "\(notPrincipal) — Deny with NotPrincipal spares a role session listed by session ARN and account", .allowed, caller: F.session,
            identity: [F.allow("s3:*")],
            resourcePolicy: F.bucketPolicy("Deny", principal: #"{"AWS":["\#(F.sessionArn)","123456789012"]}"#, notPrincipal: true)),
        .init(
            "\(notPrincipal) — Allow with NotPrincipal listing the user does not allow that user", .implicitDeny,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.aliceArn)"}"#, notPrincipal: true)),
        .init(
            "\(notPrincipal) — Allow with NotPrincipal listing the user and its account does not allow that user", .implicitDeny,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":["\#(F.aliceArn)","123456789012"]}"#, notPrincipal: true)),
        .init(
            "\(notPrincipal) — Allow with NotPrincipal allows a user it does not list", .allowed, caller: F.bob,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.aliceArn)"}"#, notPrincipal: true)),
        .init(
            "\(notPrincipal) — Allow with NotPrincipal listing a role session does not allow that session", .implicitDeny, caller: F.session,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.sessionArn)"}"#, notPrincipal: true)),
        .init(
            "\(notPrincipal) — Allow with NotPrincipal listing the user still reaches its account, so an identity Allow allows", .allowed,
            identity: [F.allow("s3:GetObject")],
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.aliceArn)"}"#, notPrincipal: true)),
    ]

    static let rootBoundaryTrust: [EvaluationCase] = [
        .init("\(rootRule) — the root user is allowed without any policy", .allowed, caller: F.root),
        .init(
            "\(rootRule) — identity-based policies do not apply to the root user", .allowed, caller: F.root,
            identity: [F.deny("s3:*")]),
        .init(
            "\(rootRule) — a resource policy Deny for everyone denies the root user", .explicitDeny, caller: F.root,
            resourcePolicy: F.bucketPolicy("Deny", principal: #""*""#)),
        .init(
            "\(rootRule) — a resource policy Deny naming the account denies the root user", .explicitDeny, caller: F.root,
            resourcePolicy: F.bucketPolicy("Deny", principal: #"{"AWS":"123456789012"}"#)),
        .init(
            "\(rootRule) — a resource policy Deny naming a user does not deny the root user", .allowed, caller: F.root,
            resourcePolicy: F.bucketPolicy("Deny", principal: #"{"AWS":"\#(F.aliceArn)"}"#)),
        .init(
            "\(rootRule) — a resource policy Deny whose condition fails does not deny the root user", .allowed, caller: F.root,
            resourcePolicy: F.bucketPolicy("Deny", principal: #""*""#, condition: F.cond("Bool", "aws:SecureTransport", ["false"])),
            context: ["aws:SecureTransport": ["true"]]),
        .init(
            "\(boundaries) — an action allowed by both the identity policy and the boundary is allowed", .allowed,
            identity: [F.allow("s3:*")], boundary: F.allow("s3:GetObject")),
        .init(
            "\(boundaries) — the boundary caps the identity policy", .implicitDeny,
            identity: [F.allow("s3:*")], boundary: F.allow("s3:PutObject")),
        .init(
            "\(boundaries) — a boundary alone grants nothing", .implicitDeny, boundary: F.allow("s3:*")),
        .init(
            "\(boundaries) — a Deny in the boundary is an explicit deny", .explicitDeny,
            identity: [F.allow("s3:*")], boundary: F.document(F.statement("Allow", ["*"]), F.statement("Deny", ["s3:GetObject"]))),
        .init(
            "\(boundaries) — a resource policy naming the user ARN is not capped by the boundary", .allowed,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.aliceArn)"}"#), boundary: F.allow("s3:PutObject")),
        .init(
            "\(boundaries) — a resource policy naming the role ARN is capped by the session's boundary", .implicitDeny, caller: F.session,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.roleArn)"}"#), boundary: F.allow("s3:PutObject")),
        .init(
            "\(boundaries) — a resource policy naming the session ARN is not capped by the boundary", .allowed, caller: F.session,
            resourcePolicy: F.bucketPolicy("Allow", principal: #"{"AWS":"\#(F.sessionArn)"}"#), boundary: F.allow("s3:PutObject")),
        .init(
            "\(trust) — a trust policy naming the user lets it assume the role without an identity policy", .allowed,
            trustPolicy: F.document(F.statement("Allow", ["sts:AssumeRole"], nil, principal: #"{"AWS":"\#(F.aliceArn)"}"#)),
            action: "sts:AssumeRole", resource: F.roleArn),
        .init(
            "\(trust) — a trust policy naming the account also needs an identity policy", .implicitDeny,
            trustPolicy: F.document(F.statement("Allow", ["sts:AssumeRole"], nil, principal: #"{"AWS":"arn:aws:iam::123456789012:root"}"#)),
            action: "sts:AssumeRole", resource: F.roleArn),
        .init(
            "\(trust) — a trust policy naming the account plus an identity Allow allows", .allowed,
            identity: [F.allow("sts:AssumeRole", on: [F.roleArn])],
            trustPolicy: F.document(F.statement("Allow", ["sts:AssumeRole"], nil, principal: #"{"AWS":"arn:aws:iam::123456789012:root"}"#)),
            action: "sts:AssumeRole", resource: F.roleArn),
        .init(
            "\(trust) — an identity Allow alone cannot assume a role whose trust policy does not name the caller", .implicitDeny,
            identity: [F.allow("sts:AssumeRole", on: [F.roleArn])],
            trustPolicy: F.document(F.statement("Allow", ["sts:AssumeRole"], nil, principal: #"{"AWS":"arn:aws:iam::123456789012:user/eng/bob"}"#)),
            action: "sts:AssumeRole", resource: F.roleArn),
        .init(
            "\(trust) — a Deny in the trust policy overrides its Allow", .explicitDeny,
            identity: [F.allow("sts:AssumeRole", on: [F.roleArn])],
            trustPolicy: F.document(
                F.statement("Allow", ["sts:AssumeRole"], nil, principal: #"{"AWS":"123456789012"}"#),
                F.statement("Deny", ["sts:AssumeRole"], nil, principal: #"{"AWS":"\#(F.aliceArn)"}"#)),
            action: "sts:AssumeRole", resource: F.roleArn),
        .init(
            "\(trust) — a service named in the trust policy may assume the role", .allowed, caller: PolicyCaller.service("lambda.amazonaws.com"),
            trustPolicy: F.document(F.statement("Allow", ["sts:AssumeRole"], nil, principal: #"{"Service":"lambda.amazonaws.com"}"#)),
            action: "sts:AssumeRole", resource: F.roleArn),
        .init(
            "\(trust) — a service not named in the trust policy may not assume the role", .implicitDeny, caller: PolicyCaller.service("ec2.amazonaws.com"),
            trustPolicy: F.document(F.statement("Allow", ["sts:AssumeRole"], nil, principal: #"{"Service":"lambda.amazonaws.com"}"#)),
            action: "sts:AssumeRole", resource: F.roleArn),
    ]
}
