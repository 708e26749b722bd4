/// What CloudTrail says of a call besides its name: whether it only reads, and the type of its resource.
enum ActivityClassification {
    /// Read-only calls by the verbs AWS's read APIs start with (CloudTrail's `readOnly`).
    static func isReadOnly(eventName: String) -> Bool {
        readVerbs.contains { eventName.hasPrefix($0) }
    }

    private static let readVerbs = ["Get", "List", "Describe", "Head", "Lookup", "Simulate", "Filter", "Search", "Select",
                                    "Test", "Generate", "Check", "Batch" + "Get"]

    /// CloudFormation's type name for the resource an ARN names (`AWS::S3::Object`); nil for `*` or an unknown kind.
    static func resourceType(of arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        let rest = parts[5]
        switch parts[2] {
        case "s3":
            return rest.contains("/") ? "AWS::S3::Object" : "AWS::S3::Bucket"
        case "iam":
            let kinds = ["user": "AWS::IAM::User", "role": "AWS::IAM::Role", "group": "AWS::IAM::Group",
                         "policy": "AWS::IAM::Policy", "root": "AWS::IAM::User"]
            return kinds[String(rest.prefix { $0 != "/" })]
        case "sts":
            return rest.hasPrefix("assumed-role") ? "AWS::STS::AssumedRole" : nil
        case "lambda":
            return rest.hasPrefix("function") ? "AWS::Lambda::Function" : rest.hasPrefix("layer") ? "AWS::Lambda::LayerVersion" : nil
        case "logs":
            return rest.contains(":log-stream:") ? "AWS::Logs::LogStream" : rest.hasPrefix("log-group") ? "AWS::Logs::LogGroup" : nil
        default:
            return nil
        }
    }
}
