import Testing
@testable import CloudEngine
@testable import IAMPolicy

@Suite("AccessDenied wording")
struct AccessDeniedMessageTests {
    private func message(
        caller: PolicyCaller = Fixture.alice, action: String = "s3:GetObject", resource: String = "arn:aws:s3:::b/k",
        _ policies: [ApplicablePolicy]
    ) -> String? {
        let request = PolicyRequest(caller: caller, action: action, resource: resource)
        return AccessDeniedMessage.text(for: request, decision: PolicyEvaluator.evaluate(request: request, policies: policies))
    }

    private func policy(_ text: String, _ source: ApplicablePolicy.Source, kind: PolicyKind = .identity, arn: String? = nil) throws -> ApplicablePolicy {
        ApplicablePolicy(name: "p", arn: arn, source: source, document: try PolicyDocument(parsing: text, kind: kind))
    }

    @Test("Implicit deny names the missing identity-based allow, with S3's quoted resource")
    func implicitIdentity() {
        #expect(message([]) == #"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" because no identity-based policy allows the s3:GetObject action"#)
    }

    @Test("Other services show the resource unquoted, and no resource for *")
    func otherServices() {
        #expect(message(action: "lambda:InvokeFunction", resource: "arn:aws:lambda:us-east-1:123456789012:function:f", [])
            == "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:f because no identity-based policy allows the lambda:InvokeFunction action")
        #expect(message(action: "iam:ListUsers", resource: "*", [])
            == "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ListUsers because no identity-based policy allows the iam:ListUsers action")
    }

    @Test("An explicit deny in a managed identity policy ends with the policy's ARN")
    func explicitIdentity() throws {
        let text = message([try policy(Fixture.deny("s3:*"), .customerManaged, arn: "arn:aws:iam::123456789012:policy/NoS3")])
        #expect(text == #"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/NoS3"#)
    }

    @Test("An explicit deny in an inline policy has no ARN to show")
    func explicitInline() throws {
        let text = message([try policy(Fixture.deny("s3:*"), .user)])
        #expect(text?.hasSuffix("with an explicit deny in an identity-based policy") == true)
    }

    @Test("An explicit deny in a bucket policy names the resource-based policy")
    func explicitResource() throws {
        let text = message([try policy(Fixture.allow("s3:*"), .user), try policy(Fixture.bucketPolicy("Deny", principal: #""*""#), .resource, kind: .resource)])
        #expect(text == #"User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" with an explicit deny in a resource-based policy"#)
    }

    @Test("A boundary that does not allow is named as the permissions boundary")
    func implicitBoundary() throws {
        let text = message([try policy(Fixture.allow("s3:*"), .user), try policy(Fixture.allow("s3:PutObject"), .permissionsBoundary)])
        #expect(text?.hasSuffix("because no permissions boundary allows the s3:GetObject action") == true)
    }

    @Test("A role session is named by its session ARN")
    func sessionCaller() {
        #expect(message(caller: Fixture.session, [])?.hasPrefix("User: arn:aws:sts::123456789012:assumed-role/worker/job-1 is not authorized") == true)
    }

    @Test("A service refused by a function policy is told no resource-based policy allows")
    func serviceCaller() {
        let text = message(caller: Fixture.s3Service, action: "lambda:InvokeFunction", resource: "arn:aws:lambda:us-east-1:123456789012:function:f", [])
        #expect(text?.hasSuffix("because no resource-based policy allows the lambda:InvokeFunction action") == true)
    }

    @Test("An allowed request has no message")
    func allowedHasNone() throws {
        #expect(message([try policy(Fixture.allow("s3:*"), .user)]) == nil)
    }
}
