import Foundation
import IAMPolicy

/// Trust policies as the create-role wizard builds them, and how a role's trusted entities are summed up.
enum TrustPolicies {
    /// The AWS services the wizard offers, Lambda first, as the AWS console lists its common use cases.
    static let services: [(title: String, principal: String)] = [
        ("Lambda", "lambda.amazonaws.com"),
        ("EC2", "ec2.amazonaws.com"),
        ("API Gateway", "apigateway.amazonaws.com"),
        ("EventBridge", "events.amazonaws.com"),
        ("Step Functions", "states.amazonaws.com"),
        ("ECS tasks", "ecs-tasks.amazonaws.com"),
        ("S3", "s3.amazonaws.com"),
        ("CloudFormation", "cloudformation.amazonaws.com"),
    ]

    /// Lets `servicePrincipal` assume the role.
    static func service(_ servicePrincipal: String) -> String {
        document(principal: #"{"Service": "\#(servicePrincipal)"}"#)
    }

    /// Lets identities of this account assume the role, as far as their own policies allow `sts:AssumeRole`.
    static func account(_ accountID: String) -> String {
        document(principal: #"{"AWS": "arn:aws:iam::\#(accountID):root"}"#)
    }

    /// The starting point for a custom trust policy.
    static func customTemplate(accountID: String) -> String {
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "TrustSomeone",
              "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::\(accountID):root"},
              "Action": "sts:AssumeRole"
            }
          ]
        }

        """
    }

    private static func document(principal: String) -> String {
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": \(principal),
              "Action": "sts:AssumeRole"
            }
          ]
        }
        """
    }

    /// Why `text` is not an acceptable trust policy (IAM's words, with line and column), or nil when it is.
    static func problem(in text: String) -> String? {
        do {
            _ = try PolicyDocument(parsing: text, kind: .trust)
            return nil
        } catch {
            return "\(MalformedPolicyDocument.code): \(error.message)"
        }
    }

    /// The role list's "Trusted entities": who the Allow statements name, as the AWS console shows them
    /// ("AWS service: lambda", "Account: 123456789012").
    static func summary(_ text: String) -> String {
        guard let data = text.data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return "(unreadable)" }
        let statements: [[String: Any]]
        if let list = json["Statement"] as? [[String: Any]] {
            statements = list
        } else if let one = json["Statement"] as? [String: Any] {
            statements = [one]
        } else {
            return "—"
        }
        var names: [String] = []
        for statement in statements where (statement["Effect"] as? String) == "Allow" {
            guard let principal = statement["Principal"] else { continue }
            if let star = principal as? String, star == "*" { names.append("Anyone (*)"); continue }
            guard let map = principal as? [String: Any] else { continue }
            for (kind, value) in map.sorted(by: { $0.key < $1.key }) {
                let values = (value as? [String]) ?? (value as? String).map { [$0] } ?? []
                names += values.map { describe(kind: kind, $0) }
            }
        }
        var seen = Set<String>()
        let unique = names.filter { seen.insert($0).inserted }
        return unique.isEmpty ? "—" : unique.joined(separator: ", ")
    }

    private static func describe(kind: String, _ value: String) -> String {
        switch kind {
        case "Service":
            let short = value.hasSuffix(".amazonaws.com") ? String(value.dropLast(".amazonaws.com".count)) : value
            return "Service: \(short)"
        case "AWS":
            if value.hasPrefix("arn:aws:iam::"), value.hasSuffix(":root") {
                return "Account: " + value.dropFirst("arn:aws:iam::".count).dropLast(":root".count)
            }
            if value.count == 12, value.allSatisfy(\.isNumber) { return "Account: \(value)" }
            return value.split(separator: ":").last.map { String($0) } ?? value
        case "Federated":
            return "Identity provider: \(value)"
        default:
            return value
        }
    }
}
