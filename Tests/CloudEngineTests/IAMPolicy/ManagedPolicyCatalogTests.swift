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

    /// Policies the engine, the benchmarks and the tests name by ARN: a catalog regeneration must not drop them.
    static let namedByARN = [
        "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess",
        "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    ]

    /// What a learner of the modelled services reaches for first, and the job functions.
    static let expectedNames = [
        "AdministratorAccess", "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess", "AWSLambdaBasicExecutionRole",
        "AWSLambda_FullAccess", "AWSLambdaRole", "CloudWatchLogsFullAccess", "CloudWatchLogsReadOnlyAccess",
        "IAMFullAccess", "IAMReadOnlyAccess", "PowerUserAccess", "AWSLambdaExecute",
        "ReadOnlyAccess", "ViewOnlyAccess", "Billing", "DataScientist", "DatabaseAdministrator", "NetworkAdministrator",
        "SupportUser", "SystemAdministrator", "AmazonSQSFullAccess", "AmazonSNSFullAccess", "AmazonDynamoDBFullAccess",
        "AmazonEventBridgeFullAccess", "AWSStepFunctionsFullAccess", "AmazonAPIGatewayAdministrator",
        "AmazonKinesisFullAccess", "AWSKeyManagementServicePowerUser", "SecretsManagerReadWrite", "AmazonSSMReadOnlyAccess",
        "AmazonEC2ReadOnlyAccess", "CloudWatchFullAccess", "AWSLambdaSQSQueueExecutionRole",
        "AWSLambdaVPCAccessExecutionRole",
    ]

    @Test("The catalog holds the policies the engine relies on and the ones learners meet first")
    func catalogIsComplete() {
        for arn in Self.namedByARN {
            #expect(ManagedPolicyCatalog.policy(arn: arn) != nil, "\(arn) is missing from the catalog")
        }
        for name in Self.expectedNames {
            #expect(Self.names.contains(name), "\(name) is missing from the catalog")
        }
        #expect(ManagedPolicyCatalog.all.count >= 100)
    }

    @Test("Names and ARNs are unique")
    func namesAreUnique() {
        #expect(Set(Self.names).count == Self.names.count)
        #expect(Set(ManagedPolicyCatalog.all.map(\.arn)).count == Self.names.count)
    }

    @Test("Job-function policies live under /job-function/, as in IAM")
    func jobFunctionPaths() throws {
        for name in ["Billing", "DataScientist", "DatabaseAdministrator", "NetworkAdministrator", "SupportUser",
                     "SystemAdministrator", "ViewOnlyAccess"] {
            let entry = try #require(ManagedPolicyCatalog.all.first { $0.name == name })
            #expect(entry.arn == "arn:aws:iam::aws:policy/job-function/\(name)")
        }
    }

    @Test("The policies attached in the engine keep their descriptions")
    func describedPolicies() {
        for arn in Self.namedByARN {
            #expect(ManagedPolicyCatalog.policy(arn: arn)?.description?.isEmpty == false, "\(arn) has no description")
        }
    }

    @Test("Filtering by name ignores case and keeps name order")
    func filterByName() {
        let sqs = ManagedPolicyCatalog.named(containing: "sqs").map(\.name)
        #expect(sqs.contains("AmazonSQSFullAccess") && sqs.contains("AWSLambdaSQSQueueExecutionRole"))
        #expect(sqs.allSatisfy { $0.lowercased().contains("sqs") })
        #expect(sqs == sqs.sorted())
        #expect(ManagedPolicyCatalog.named(containing: "").count == ManagedPolicyCatalog.all.count)
        #expect(ManagedPolicyCatalog.named(containing: "NoSuchPolicyAnywhere").isEmpty)
    }

    @Test("The byte search finds what String.contains finds, for every prefix typed")
    func filterMatchesContains() {
        for word in ["AWSLambdaBasicExecutionRole", "ReadOnly", "s3", "Ü", "role/"] {
            for length in 1...word.count {
                let typed = String(word.prefix(length))
                let expected = ManagedPolicyCatalog.all.filter { $0.name.lowercased().contains(typed.lowercased()) }.map(\.name)
                #expect(ManagedPolicyCatalog.named(containing: typed).map(\.name) == expected, "\(typed)")
            }
        }
    }

    @Test(arguments: names)
    func isWellFormed(_ name: String) throws {
        let entry = try #require(ManagedPolicyCatalog.all.first { $0.name == name })
        #expect(entry.arn == "arn:aws:iam::aws:policy\(entry.path)\(entry.name)")
        #expect(ManagedPolicyCatalog.policy(arn: entry.arn)?.name == name)
        #expect(entry.path.hasPrefix("/") && entry.path.hasSuffix("/"))
        #expect(entry.description.map { !$0.isEmpty } ?? true, "a description, when known, says something")
        let created = try #require(entry.createdAt, "the snapshot dates every policy")
        let updated = try #require(entry.updatedAt)
        #expect(created <= updated)
        #expect(entry.defaultVersionID.hasPrefix("v") && Int(entry.defaultVersionID.dropFirst()) != nil)
        // Every bundled document parses with the project's own parser, as the engine will parse it.
        let document = try entry.parsedDocument()
        #expect(document.version == .v2012_10_17)
        #expect(!document.statements.isEmpty)
    }

    private func decide(_ name: String, _ action: String, _ resource: String = "*") throws -> Decision.Outcome {
        let entry = try #require(ManagedPolicyCatalog.all.first { $0.name == name })
        let policy = ApplicablePolicy(name: entry.name, arn: entry.arn, source: .awsManaged, document: try entry.parsedDocument())
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
