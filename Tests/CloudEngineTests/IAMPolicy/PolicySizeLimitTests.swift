import Testing
@testable import IAMPolicy

/// Issue 9: a 10 MB policy took 10 s and 239 MB before anything was said; IAM refuses it unread.
@Suite("Policy size limits")
struct PolicySizeLimitTests {
    /// About 10 MB of well-formed policy: what the review fed the simulator.
    static let tenMegabytes: String = {
        let statement = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}"#
        let count = 10 * 1024 * 1024 / (statement.utf8.count + 2)
        return #"{"Version": "2012-10-17", "Statement": ["# + Array(repeating: statement, count: count).joined(separator: ", ") + "]}"
    }()

    func refusal(_ limit: PolicySizeLimit, _ text: String, alreadyUsed: Int = 0) -> PolicyTooLarge? {
        do {
            try limit.check(text, alreadyUsed: alreadyUsed)
            return nil
        } catch {
            return error
        }
    }

    @Test("A 10 MB document is over the API's maximum: ValidationError, in AWS's words, without the document")
    func apiMaximum() throws {
        let error = try #require(refusal(.apiMaximum(member: "policyInputList.1.member"), Self.tenMegabytes))
        #expect(error.code == "ValidationError")
        #expect(error.size == Self.tenMegabytes.unicodeScalars.count)
        #expect(error.message == "1 validation error detected: Value '[\(error.size) characters]' at 'policyInputList.1.member' "
            + "failed to satisfy constraint: Member must have length less than or equal to 131072")
    }

    @Test("The API's maximum counts every character, whitespace too, and characters rather than bytes")
    func apiMaximumBoundary() {
        let limit = PolicySizeLimit.apiMaximum(member: "policyDocument")
        #expect(refusal(limit, String(repeating: " ", count: 131_072)) == nil)
        #expect(refusal(limit, String(repeating: " ", count: 131_073))?.size == 131_073)
        #expect(refusal(limit, String(repeating: "é", count: 131_072)) == nil)
        #expect(refusal(limit, String(repeating: "😀", count: 131_073)) != nil)
    }

    @Test("Quotas count characters other than whitespace and answer LimitExceeded",
          arguments: [
              (PolicySizeLimit.managedPolicy, "Cannot exceed quota for PolicySize: 6144. This document has 6145 non-whitespace characters"),
              (.roleTrustPolicy, "Cannot exceed quota for ACLSizePerRole: 2048. This document has 2049 non-whitespace characters"),
              (.inlinePolicies(.user, name: "alice"), "Maximum policy size of 2048 bytes exceeded for user alice."),
              (.inlinePolicies(.group, name: "admins"), "Maximum policy size of 5120 bytes exceeded for group admins."),
              (.inlinePolicies(.role, name: "worker"), "Maximum policy size of 10240 bytes exceeded for role worker."),
          ])
    func quotas(_ limit: PolicySizeLimit, _ message: String) throws {
        let padding = String(repeating: " \n\t", count: limit.maximum)
        #expect(refusal(limit, padding + String(repeating: "a", count: limit.maximum)) == nil)
        let error = try #require(refusal(limit, padding + String(repeating: "a", count: limit.maximum + 1)))
        #expect(error.code == "LimitExceeded")
        #expect(error.size == limit.maximum + 1)
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }

    @Test("Inline policies count together: the others' characters are added before the check")
    func inlineAggregate() throws {
        let limit = PolicySizeLimit.inlinePolicies(.role, name: "worker")
        #expect(refusal(limit, String(repeating: "a", count: 240), alreadyUsed: 10_000) == nil)
        let error = try #require(refusal(limit, String(repeating: "a", count: 241), alreadyUsed: 10_000))
        #expect(error.size == 10_241)
        #expect(error.message.contains("Its inline policies would total 10241 non-whitespace characters"))
        #expect(error.message.contains("then AttachRolePolicy"))
    }

    @Test("A document past the API's maximum is a ValidationError even where a quota applies, as IAM checks that first")
    func apiMaximumBeforeQuota() throws {
        let error = try #require(refusal(.managedPolicy, Self.tenMegabytes))
        #expect(error.code == "ValidationError")
        #expect(error.message.contains("at 'policyDocument'"))
    }

    @Test("An inline policy holder's name is shown with its control characters escaped")
    func holderNameEscaped() throws {
        let error = try #require(refusal(.inlinePolicies(.user, name: "a\u{1B}[2J"), String(repeating: "a", count: 3000)))
        #expect(error.message.contains(#"for user a\u001b[2J."#))
    }

    @Test("The simulator refuses a 10 MB policy unread, naming the input, before parsing any other")
    func simulatorRefusesTenMegabytes() throws {
        let malformed = "{"
        for (identity, resource, input) in [
            ([Self.tenMegabytes], nil as String?, "PolicyInputList.1"),
            ([malformed, Self.tenMegabytes], nil, "PolicyInputList.2"),
            ([], Self.tenMegabytes, "ResourcePolicy"),
        ] {
            do {
                _ = try PolicySimulator.evaluate(identityPolicies: identity, resourcePolicy: resource, actions: ["s3:GetObject"],
                                                 callerArn: "arn:aws:iam::123456789012:user/alice")
                Issue.record("\(input): the simulation ran")
            } catch {
                #expect(error.code == "ValidationError")
                #expect(error.message.hasPrefix("\(input) is too long: 1 validation error detected"), "\(error.message)")
                #expect(error.message.hasSuffix("Member must have length less than or equal to 131072"))
            }
        }
    }

    @Test("Nesting 100,000 deep is refused at the parser's depth limit, not by a stack overflow",
          arguments: [String(repeating: "[", count: 100_000), String(repeating: #"{"a":"#, count: 100_000)])
    func deepNesting(_ text: String) {
        do {
            _ = try PolicyDocument(parsing: text, kind: .identity)
            Issue.record("the document was accepted")
        } catch {
            #expect(error.message.contains("Syntax errors in policy: nesting is deeper than 64 levels"), "\(error.message)")
            #expect(error.position?.line == 1)
        }
    }

    @Test("The simulator gives the depth refusal as an invalid policy")
    func simulatorDeepNesting() {
        do {
            _ = try PolicySimulator.evaluate(identityPolicies: [String(repeating: "[", count: 100_000)], actions: ["s3:GetObject"])
            Issue.record("the simulation ran")
        } catch {
            #expect(error.code == "InvalidInput")
            #expect(error.message.hasPrefix("PolicyInputList.1 is not a valid policy: Syntax errors in policy: nesting is deeper"))
            #expect(error.message.hasSuffix("(line 1, column 65)"))
        }
    }
}
