import Foundation
import Testing
@testable import CloudEngine

/// Policy texts for the IAM tests, so each test reads as the policy it is about.
enum IAMDoc {
    static let accountID = TestAccount.accountID

    /// An identity policy with one statement.
    static func allow(_ actions: String..., on resources: [String] = ["*"]) -> String {
        statement("Allow", actions, resources)
    }

    static func deny(_ actions: String..., on resources: [String] = ["*"]) -> String {
        statement("Deny", actions, resources)
    }

    static func statement(_ effect: String, _ actions: [String], _ resources: [String]) -> String {
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "\(effect)",
              "Action": \(json(actions)),
              "Resource": \(json(resources))
            }
          ]
        }
        """
    }

    /// A bucket policy with one statement for `principal` (the JSON of a Principal element).
    static func bucketPolicy(_ effect: String, principal: String, _ actions: [String], _ resources: [String]) -> String {
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "\(effect)", "Principal": \(principal),
          "Action": \(json(actions)), "Resource": \(json(resources))}]}
        """
    }

    /// A trust policy letting `principal` (the JSON of a Principal element) assume the role.
    static func trust(_ principal: String) -> String {
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": \(principal), "Action": "sts:AssumeRole"}]}
        """
    }

    static func trustUser(_ name: String) -> String { trust(#"{"AWS": "arn:aws:iam::\#(accountID):user/\#(name)"}"#) }

    static let trustLambda = trust(#"{"Service": "lambda.amazonaws.com"}"#)
    static let trustAccount = trust(#"{"AWS": "arn:aws:iam::\#(accountID):root"}"#)

    static let s3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
    static let s3Full = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
    static let admin = "arn:aws:iam::aws:policy/AdministratorAccess"
    static let lambdaBasic = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"

    static func json(_ values: [String]) -> String {
        values.count == 1 ? "\"\(values[0])\"" : "[" + values.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
}

extension TestAccount {
    var iam: IAMService { account.iam }
    var sts: STSService { account.sts }

    /// Creates a user as the root and returns the caller that acts as it.
    @discardableResult
    func user(_ name: String, path: String = "/", policies: [String] = [], attach: [String] = []) throws -> Caller {
        let user = try iam.createUser(name, path: path, caller: .root)
        for (offset, document) in policies.enumerated() {
            try iam.putInlinePolicy("inline-\(offset + 1)", document: document, on: .user(name), caller: .root)
        }
        for arn in attach {
            try iam.attachPolicy(arn, to: .user(name), caller: .root)
        }
        return user.caller
    }

    /// A role trusting `trust`, with `attach`ed managed policies.
    @discardableResult
    func role(_ name: String, trust: String, attach: [String] = [], maxSessionDuration: Int = 3600) throws -> IAMRole {
        let role = try iam.createRole(name, trustPolicy: trust, maxSessionDuration: maxSessionDuration, caller: .root)
        for arn in attach {
            try iam.attachPolicy(arn, to: .role(name), caller: .root)
        }
        return role
    }

    /// A customer managed policy's ARN in the test account.
    func policyARN(_ name: String, path: String = "/") -> String {
        "arn:aws:iam::\(Self.accountID):policy\(path)\(name)"
    }
}
