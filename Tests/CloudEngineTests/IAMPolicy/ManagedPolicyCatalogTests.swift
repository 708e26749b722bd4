import Foundation
import Testing
@testable import IAMPolicy

/// Every AWS managed policy shipped as data must load, parse as an identity policy and be well described.
@Suite("AWS managed policy catalog")
struct ManagedPolicyCatalogTests {
    static var names: [String] { ManagedPolicyCatalog.all.map(\.name) }

    @Test("Every bundled file loads")
    func noProblems() {
        #expect(ManagedPolicyCatalog.problems.isEmpty, "\(ManagedPolicyCatalog.problems)")
    }

    @Test("The catalog holds the policies the engine relies on")
    func catalogIsComplete() {
        for name in [
            "AdministratorAccess", "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess", "AWSLambdaBasicExecutionRole",
            "AWSLambda_FullAccess", "AWSLambdaRole", "CloudWatchLogsFullAccess", "CloudWatchLogsReadOnlyAccess",
            "IAMFullAccess", "IAMReadOnlyAccess", "PowerUserAccess", "AWSLambdaExecute",
        ] {
            #expect(Self.names.contains(name), "\(name) is missing from the catalog")
        }
    }

    @Test(arguments: names)
    func isWellFormed(_ name: String) throws {
        let entry = try #require(ManagedPolicyCatalog.all.first { $0.name == name })
        #expect(entry.arn == "arn:aws:iam::aws:policy\(entry.path)\(entry.name)")
        #expect(ManagedPolicyCatalog.policy(arn: entry.arn)?.name == name)
        #expect(entry.path.hasPrefix("/") && entry.path.hasSuffix("/"))
        #expect(!entry.description.isEmpty)
        #expect(entry.document.version == .v2012_10_17)
        #expect(!entry.document.statements.isEmpty)
        // The document text round-trips through the parser: what IAM shows is what is enforced.
        let reparsed = try PolicyDocument(parsing: entry.documentText, kind: .identity)
        #expect(reparsed.statements.count == entry.document.statements.count)
    }

    private func decide(_ name: String, _ action: String, _ resource: String = "*") throws -> Decision.Outcome {
        let entry = try #require(ManagedPolicyCatalog.all.first { $0.name == name })
        let policy = ApplicablePolicy(name: entry.name, arn: entry.arn, source: .awsManaged, document: entry.document)
        let request = PolicyRequest(caller: Fixture.session, action: action, resource: resource)
        return PolicyEvaluator.evaluate(request: request, policies: [policy]).outcome
    }

    @Test("Managed policies grant what their names promise")
    func managedPoliciesBehave() throws {
        let logGroup = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:log-stream:x"
        #expect(try decide("AWSLambdaBasicExecutionRole", "logs:PutLogEvents", logGroup) == .allowed)
        #expect(try decide("AWSLambdaBasicExecutionRole", "s3:GetObject", "arn:aws:s3:::b/k") == .implicitDeny)
        #expect(try decide("AmazonS3ReadOnlyAccess", "s3:GetObject", "arn:aws:s3:::b/k") == .allowed)
        #expect(try decide("AmazonS3ReadOnlyAccess", "s3:PutObject", "arn:aws:s3:::b/k") == .implicitDeny)
        #expect(try decide("PowerUserAccess", "lambda:CreateFunction") == .allowed)
        #expect(try decide("PowerUserAccess", "iam:CreateUser") == .implicitDeny)
        #expect(try decide("PowerUserAccess", "iam:ListRoles") == .allowed)
        #expect(try decide("AWSLambdaExecute", "s3:PutObject", "arn:aws:s3:::b/k") == .allowed)
        #expect(try decide("AdministratorAccess", "iam:CreateUser") == .allowed)
    }
}
