/// The documents a new customer managed policy can start from; the editor opens on the chosen one.
public enum PolicyTemplate: Int, CaseIterable, Sendable, Hashable {
    case readBucket
    case writeLogs
    case invokeFunction

    public var title: String {
        switch self {
        case .readBucket: return "Read one S3 bucket"
        case .writeLogs: return "Write CloudWatch Logs"
        case .invokeFunction: return "Invoke one function"
        }
    }

    /// The document, naming this account and region where it names resources.
    public func document(accountID: String, region: String) -> String {
        switch self {
        case .readBucket:
            return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "ListTheBucket",
                      "Effect": "Allow",
                      "Action": "s3:ListBucket",
                      "Resource": "arn:aws:s3:::my-bucket"
                    },
                    {
                      "Sid": "ReadItsObjects",
                      "Effect": "Allow",
                      "Action": "s3:GetObject",
                      "Resource": "arn:aws:s3:::my-bucket/*"
                    }
                  ]
                }

                """
        case .writeLogs:
            return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Action": [
                        "logs:CreateLogGroup",
                        "logs:CreateLogStream",
                        "logs:PutLogEvents"
                      ],
                      "Resource": "*"
                    }
                  ]
                }

                """
        case .invokeFunction:
            return """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Action": "lambda:InvokeFunction",
                      "Resource": "arn:aws:lambda:\(region):\(accountID):function:my-function"
                    }
                  ]
                }

                """
        }
    }
}
