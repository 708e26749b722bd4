/// The starting code the create form offers, as the AWS console's "Author from scratch" and blueprints do.
public enum FunctionTemplate: String, CaseIterable, Sendable, Hashable {
    case helloWorld
    case printS3Event

    /// What the create form's choice shows.
    public var title: String {
        switch self {
        case .helloWorld: return "hello world"
        case .printS3Event: return "print the S3 event"
        }
    }

    /// The handler the template's code defines.
    public static let handler = "lambda_function.lambda_handler"

    /// The deployment package: one file, as the AWS console creates it.
    public var files: [String: String] {
        ["lambda_function.py": source]
    }

    public var source: String {
        switch self {
        case .helloWorld:
            return """
            import json


            def lambda_handler(event, context):
                # TODO implement
                return {
                    'statusCode': 200,
                    'body': json.dumps('Hello from Lambda!')
                }

            """
        case .printS3Event:
            return """
            import json
            import urllib.parse


            def lambda_handler(event, context):
                print("Received event: " + json.dumps(event))
                records = event.get("Records", [])
                for record in records:
                    bucket = record["s3"]["bucket"]["name"]
                    # S3 sends the key URL-encoded (a space arrives as +).
                    key = urllib.parse.unquote_plus(record["s3"]["object"]["key"], encoding="utf-8")
                    size = record["s3"]["object"].get("size", 0)
                    print(f"{record['eventName']} s3://{bucket}/{key} ({size} bytes)")
                return {"records": len(records)}

            """
        }
    }
}

/// The Test tab's built-in events: the AWS console's "hello-world" and "s3-put" templates.
public enum TestEventTemplate: String, CaseIterable, Sendable, Hashable {
    case helloWorld
    case s3Put

    public static let all: [TestEventTemplate] = allCases

    /// As the Test tab lists it (templates are marked so they are not mistaken for saved events).
    public var title: String {
        switch self {
        case .helloWorld: return "hello-world"
        case .s3Put: return "s3-put"
        }
    }

    public var payload: String {
        switch self {
        case .helloWorld:
            return """
            {
              "key1": "value1",
              "key2": "value2",
              "key3": "value3"
            }
            """
        case .s3Put:
            return """
            {
              "Records": [
                {
                  "eventVersion": "2.0",
                  "eventSource": "aws:s3",
                  "awsRegion": "us-east-1",
                  "eventTime": "1970-01-01T00:00:00.000Z",
                  "eventName": "ObjectCreated:Put",
                  "userIdentity": {
                    "principalId": "EXAMPLE"
                  },
                  "requestParameters": {
                    "sourceIPAddress": "127.0.0.1"
                  },
                  "responseElements": {
                    "x-amz-request-id": "EXAMPLE123456789",
                    "x-amz-id-2": "EXAMPLE123/5678abcdefghijklambdaisawesome/mnopqrstuvwxyzABCDEFGH"
                  },
                  "s3": {
                    "s3SchemaVersion": "1.0",
                    "configurationId": "testConfigRule",
                    "bucket": {
                      "name": "example-bucket",
                      "ownerIdentity": {
                        "principalId": "EXAMPLE"
                      },
                      "arn": "arn:aws:s3:::example-bucket"
                    },
                    "object": {
                      "key": "test%2Fkey",
                      "size": 1024,
                      "eTag": "0123456789abcdef0123456789abcdef",
                      "sequencer": "0A1B2C3D4E5F678901"
                    }
                  }
                }
              ]
            }
            """
        }
    }
}
