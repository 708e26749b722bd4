@testable import CloudEngine
@testable import IAMPolicy

private typealias F = Fixture

/// Rows for the core allow/deny logic, action matching and resource matching.
enum EvaluationCases {
    static let evalLogic = "IAM UG: policy evaluation logic"
    static let actionElement = "IAM UG: JSON policy elements: Action"
    static let notActionElement = "IAM UG: JSON policy elements: NotAction"
    static let resourceElement = "IAM UG: JSON policy elements: Resource"
    static let notResourceElement = "IAM UG: JSON policy elements: NotResource"

    static let logic: [EvaluationCase] = [
        .init("\(evalLogic) — a request is implicitly denied by default", .implicitDeny),
        .init("\(evalLogic) — an identity-based Allow allows", .allowed, identity: [F.allow("s3:GetObject")]),
        .init(
            "\(evalLogic) — explicit deny overrides allow in the same policy", .explicitDeny,
            identity: [F.document(F.statement("Allow", ["s3:*"]), F.statement("Deny", ["s3:GetObject"]))]),
        .init(
            "\(evalLogic) — explicit deny in any policy overrides an allow in another", .explicitDeny,
            identity: [F.allow("s3:*"), F.deny("s3:GetObject")]),
        .init(
            "\(evalLogic) — a deny for another action does not apply", .allowed,
            identity: [F.allow("s3:*"), F.deny("s3:DeleteObject")]),
        .init(
            "\(evalLogic) — a Deny with NotResource and no Allow denies implicitly where the deny does not apply",
            .implicitDeny, identity: [F.document(F.statement("Deny", ["s3:*"], ["arn:aws:s3:::b/*"], notResource: true))]),
        .init(
            "\(evalLogic) — a Deny with NotResource denies explicitly outside the listed resources", .explicitDeny,
            identity: [F.document(F.statement("Deny", ["s3:*"], ["arn:aws:s3:::b/*"], notResource: true))],
            resource: "arn:aws:s3:::c/k"),
        .init(
            "\(evalLogic) — an Allow whose condition does not match is an implicit deny, not an allow", .implicitDeny,
            identity: [F.allowIf(F.cond("StringEquals", "aws:username", ["bob"]))]),
        .init(
            "\(evalLogic) — an Allow whose condition matches allows", .allowed,
            identity: [F.allowIf(F.cond("StringEquals", "aws:username", ["alice"]))]),
        .init(
            "\(evalLogic) — a Deny whose condition does not match does not deny", .allowed,
            identity: [F.allow("s3:*"), F.deny("s3:GetObject", when: F.cond("StringEquals", "aws:username", ["bob"]))]),
        .init(
            "\(evalLogic) — a Deny whose condition matches denies", .explicitDeny,
            identity: [F.allow("s3:*"), F.deny("s3:GetObject", when: F.cond("StringEquals", "aws:username", ["alice"]))]),
        .init("\(evalLogic) — an Allow for another action leaves the request denied", .implicitDeny, identity: [F.allow("s3:PutObject")]),
        .init(
            "\(evalLogic) — any statement of a policy may allow", .allowed,
            identity: [F.document(F.statement("Allow", ["s3:PutObject"]), F.statement("Allow", ["s3:GetObject"]))]),
        .init(
            "\(evalLogic) — identity policies from the user, its groups and managed policies are combined", .allowed,
            identity: [F.allow("s3:PutObject"), F.allow("s3:ListBucket"), F.allow("s3:GetObject")]),
        .init(
            "\(evalLogic) — a group's Deny overrides the user's own Allow", .explicitDeny,
            identity: [F.allow("s3:GetObject"), F.deny("s3:*")]),
        .init(
            "\(evalLogic) — a role session is governed by the role's policies", .allowed, caller: F.session,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/*"])]),
        .init(
            "\(evalLogic) — a Deny with NotAction denies every other action", .explicitDeny,
            identity: [F.allow("*"), F.document(F.statement("Deny", ["iam:*"], notAction: true))]),
    ]

    static let actions: [EvaluationCase] = [
        .init("\(actionElement) — action names are case-insensitive: S3:getobject allows s3:GetObject", .allowed, identity: [F.allow("S3:getobject")]),
        .init("\(actionElement) — the service prefix is case-insensitive", .allowed, identity: [F.allow("IAM:GetUser")], action: "iam:getuser", resource: "*"),
        .init("\(actionElement) — a trailing * matches every action with the prefix", .allowed, identity: [F.allow("s3:Get*")]),
        .init("\(actionElement) — a prefix wildcard does not match other prefixes", .implicitDeny, identity: [F.allow("s3:Get*")], action: "s3:PutObject"),
        .init("\(actionElement) — s3:* matches every S3 action", .allowed, identity: [F.allow("s3:*")], action: "s3:PutObject"),
        .init("\(actionElement) — * matches every action of every service", .allowed, identity: [F.allow("*")], action: "iam:CreateUser", resource: "*"),
        .init("\(actionElement) — * may lead the action name", .allowed, identity: [F.allow("s3:*Object")], action: "s3:DeleteObject"),
        .init("\(actionElement) — ? matches exactly one character", .allowed, identity: [F.allow("s3:G?tObject")]),
        .init("\(actionElement) — a pattern must match the whole action name", .implicitDeny, identity: [F.allow("s3:G?tObject")], action: "s3:GetObjectAcl"),
        .init("\(actionElement) — an exact action does not match a longer one", .implicitDeny, identity: [F.allow("s3:GetObject")], action: "s3:GetObjectAcl"),
        .init("\(actionElement) — s3:* does not match another service whose prefix starts with s3", .implicitDeny, identity: [F.allow("s3:*")], action: "s3express:CreateSession"),
        .init("\(actionElement) — wildcards match without regard to case", .allowed, identity: [F.allow("s3:get*")], action: "s3:GetObjectAcl"),
        .init("\(actionElement) — a list of actions allows any of them", .allowed, identity: [F.allow("s3:PutObject", "s3:GetObject")]),
        .init("\(actionElement) — another service's wildcard does not apply", .implicitDeny, identity: [F.allow("logs:*")], action: "lambda:InvokeFunction"),
        .init(
            "\(notActionElement) — Allow with NotAction allows every other action", .allowed,
            identity: [F.document(F.statement("Allow", ["s3:*"], notAction: true))], action: "iam:ListUsers", resource: "*"),
        .init(
            "\(notActionElement) — Allow with NotAction does not allow the listed actions", .implicitDeny,
            identity: [F.document(F.statement("Allow", ["s3:*"], notAction: true))]),
        .init(
            "\(notActionElement) — Deny with NotAction spares the listed actions", .allowed,
            identity: [F.allow("*"), F.document(F.statement("Deny", ["iam:*"], notAction: true))], action: "iam:ListUsers", resource: "*"),
        .init(
            "\(notActionElement) — NotAction matching is case-insensitive", .allowed,
            identity: [F.allow("*"), F.document(F.statement("Deny", ["IAM:*"], notAction: true))], action: "iam:ListUsers", resource: "*"),
    ]

    static let resources: [EvaluationCase] = [
        .init("\(resourceElement) — an exact ARN matches", .allowed, identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/k"])]),
        .init(
            "\(resourceElement) — ? matches one character: arn:aws:s3:::bk?/* allows arn:aws:s3:::bkt/k", .allowed,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::bk?/*"])], resource: "arn:aws:s3:::bkt/k"),
        .init(
            "\(resourceElement) — ? needs exactly one character", .implicitDeny,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::bk?/*"])], resource: "arn:aws:s3:::bk/k"),
        .init(
            "\(resourceElement) — resource ARNs are case-sensitive", .implicitDeny,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::B/*"])]),
        .init(
            "\(resourceElement) — * expands across / within a segment", .allowed,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/*"])], resource: "arn:aws:s3:::b/a/b/c.txt"),
        .init(
            "\(resourceElement) — b/*/test/* matches b/1/2/test/3/object.jpg (documented example)", .allowed,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/*/test/*"])], resource: "arn:aws:s3:::b/1/2/test/3/object.jpg"),
        .init(
            "\(resourceElement) — b/*/test/* does not match b/1-test/object.jpg (documented example)", .implicitDeny,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/*/test/*"])], resource: "arn:aws:s3:::b/1-test/object.jpg"),
        .init(
            "\(resourceElement) — b/*/test/* matches b//test/object.jpg (documented example)", .allowed,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/*/test/*"])], resource: "arn:aws:s3:::b//test/object.jpg"),
        .init(
            "\(resourceElement) — a bucket ARN does not cover its objects", .implicitDeny,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b"])]),
        .init(
            "\(resourceElement) — a trailing * at the end of the bucket name covers the objects", .allowed,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b*"])]),
        .init("\(resourceElement) — * alone matches every resource", .allowed, identity: [F.allow("s3:GetObject", on: ["*"])]),
        .init(
            "\(resourceElement) — arn:aws:s3:::* matches every bucket and object", .allowed,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::*"])]),
        .init(
            "\(resourceElement) — * may stand for a whole region segment", .allowed,
            identity: [F.allow("dynamodb:GetItem", on: ["arn:aws:dynamodb:*:123456789012:table/t"])],
            action: "dynamodb:GetItem", resource: "arn:aws:dynamodb:us-east-1:123456789012:table/t"),
        .init(
            "\(resourceElement) — * may stand for part of a segment", .allowed,
            identity: [F.allow("dynamodb:GetItem", on: ["arn:aws:dynamodb:us-*:123456789012:table/t"])],
            action: "dynamodb:GetItem", resource: "arn:aws:dynamodb:us-east-1:123456789012:table/t"),
        .init(
            "\(resourceElement) — a wildcard within a segment must still match that segment", .implicitDeny,
            identity: [F.allow("dynamodb:GetItem", on: ["arn:aws:dynamodb:eu-*:123456789012:table/t"])],
            action: "dynamodb:GetItem", resource: "arn:aws:dynamodb:us-east-1:123456789012:table/t"),
        .init(
            "\(resourceElement) — a * that ends the last segment matches beyond colons", .allowed,
            identity: [F.allow("lambda:InvokeFunction", on: ["arn:aws:lambda:us-east-1:123456789012:function:f*"])],
            action: "lambda:InvokeFunction", resource: "arn:aws:lambda:us-east-1:123456789012:function:f:prod"),
        .init(
            "\(resourceElement) — an unqualified function ARN does not cover its aliases", .implicitDeny,
            identity: [F.allow("lambda:InvokeFunction", on: ["arn:aws:lambda:us-east-1:123456789012:function:f"])],
            action: "lambda:InvokeFunction", resource: "arn:aws:lambda:us-east-1:123456789012:function:f:prod"),
        .init(
            "\(resourceElement) — ? matches one character within a segment", .allowed,
            identity: [F.allow("sqs:SendMessage", on: ["arn:aws:sqs:us-east-?:123456789012:q"])],
            action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-2:123456789012:q"),
        .init(
            "\(resourceElement) — a list of resources allows any of them", .allowed,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::other/*", "arn:aws:s3:::b/*"])]),
        .init(
            "\(resourceElement) — a different object in the same bucket is not covered by an exact ARN", .implicitDeny,
            identity: [F.allow("s3:GetObject", on: ["arn:aws:s3:::b/k"])], resource: "arn:aws:s3:::b/k2"),
        .init(
            "\(resourceElement) — an action without a resource is allowed by Resource *", .allowed,
            identity: [F.allow("s3:ListAllMyBuckets")], action: "s3:ListAllMyBuckets", resource: "*"),
        .init(
            "\(notResourceElement) — Allow with NotResource allows other resources", .allowed,
            identity: [F.document(F.statement("Allow", ["s3:*"], ["arn:aws:s3:::secret/*"], notResource: true))]),
        .init(
            "\(notResourceElement) — Allow with NotResource does not allow the listed resources", .implicitDeny,
            identity: [F.document(F.statement("Allow", ["s3:*"], ["arn:aws:s3:::secret/*"], notResource: true))],
            resource: "arn:aws:s3:::secret/k"),
        .init(
            "\(notResourceElement) — Deny with NotResource plus Allow: inside the exception is allowed", .allowed,
            identity: [F.allow("s3:*"), F.document(F.statement("Deny", ["s3:*"], ["arn:aws:s3:::b/*"], notResource: true))]),
    ]
}
