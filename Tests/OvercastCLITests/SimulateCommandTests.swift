import Foundation
import Testing

@Suite("overcast iam simulate")
struct SimulateCommandTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder() }

    static let readOnly = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"}
          ]
        }
        """

    func results(_ output: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        return try #require(object?["EvaluationResults"] as? [[String: Any]])
    }

    @Test("Decides each action and names the statement that allowed it")
    func allowedAndImplicitDeny() throws {
        let policy = try folder.file("read.json", Self.readOnly)
        let run = try OvercastProcess.run(["iam", "simulate", "--policy", policy, "--action", "s3:GetObject",
                                           "--action", "s3:PutObject", "--resource", "arn:aws:s3:::b/k"])
        #expect(run.status == 0, "\(run.stderr)")
        let results = try results(run.stdout)
        #expect(results.count == 2)
        #expect(results[0]["EvalActionName"] as? String == "s3:GetObject")
        #expect(results[0]["EvalResourceName"] as? String == "arn:aws:s3:::b/k")
        #expect(results[0]["EvalDecision"] as? String == "allowed")
        let matched = try #require(results[0]["MatchedStatements"] as? [[String: Any]])
        #expect(matched.first?["SourcePolicyId"] as? String == "PolicyInputList.1")
        #expect(results[1]["EvalDecision"] as? String == "implicitDeny")
    }

    @Test("No --policy means no identity policy: everything is implicitly denied")
    func noPolicy() throws {
        let run = try OvercastProcess.run(["iam", "simulate", "--action", "s3:GetObject", "--resource", "*"])
        #expect(run.status == 0)
        #expect(try results(run.stdout).first?["EvalDecision"] as? String == "implicitDeny")
    }

    @Test("An explicit deny wins and exits 0")
    func explicitDeny() throws {
        let allow = try folder.file("allow.json", Self.readOnly)
        let deny = try folder.file("deny.json", """
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::secret/*"}}
            """)
        let run = try OvercastProcess.run(["iam", "simulate", "--policy", allow, "--policy", deny,
                                           "--action", "s3:GetObject", "--resource", "arn:aws:s3:::secret/x"])
        #expect(run.status == 0)
        #expect(try results(run.stdout).first?["EvalDecision"] as? String == "explicitDeny")
    }

    @Test("Context values feed conditions; a key given twice is multi-valued")
    func contextKeys() throws {
        let policy = try folder.file("cond.json", """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
             "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}}]}
            """)
        let allowed = try OvercastProcess.run(["iam", "simulate", "--policy", policy, "--action", "s3:ListBucket",
                                               "--resource", "*", "--context", "aws:TagKeys=a", "--context", "aws:TagKeys=b"])
        #expect(try results(allowed.stdout).first?["EvalDecision"] as? String == "allowed")
        let denied = try OvercastProcess.run(["iam", "simulate", "--policy", policy, "--action", "s3:ListBucket",
                                              "--resource", "*", "--context", "aws:TagKeys=a", "--context", "aws:TagKeys=c"])
        #expect(try results(denied.stdout).first?["EvalDecision"] as? String == "implicitDeny")
    }

    @Test("A malformed policy file is exit 2 with the problem, the file, and its line and column")
    func malformedPolicy() throws {
        let policy = try folder.file("bad.json", """
            {
              "Version": "2012-10-17",
              "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",}]
            }
            """)
        let run = try OvercastProcess.run(["iam", "simulate", "--policy", policy, "--action", "s3:GetObject", "--resource", "*"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("bad.json"))
        #expect(run.stderr.contains("line 3"))
    }

    /// Whether `text` holds a control character other than the line feeds the command ends lines with.
    func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar != "\n" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
        }
    }

    @Test("Control characters in a policy's keys and values reach the terminal as escapes, with the right place",
          arguments: [
              // ESC ] 0 ; title BEL retitles a terminal, ESC [ 31m turns it red, U+009B is the one-character CSI.
              (#"{"Version": "2012-10-17",\#n "\u001b]0;pwned\u0007\u001b[31m\r\#u{9B}2J": 1}"#,
               #"unknown element "\u001b]0;pwned\u0007\u001b[31m\r\u009b2J""#, "line 2, column 2"),
              (#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",\#n "Resource": "\u001b]0;pwned\u0007\r\#u{9B}2J"}}"#,
               #"Resource \u001b]0;pwned\u0007\r\u009b2J must be in ARN format"#, "line 2, column 14"),
          ])
    func controlCharactersEscaped(_ policy: String, _ shown: String, _ place: String) throws {
        let path = try folder.file("hostile.json", policy)
        let run = try OvercastProcess.run(["iam", "simulate", "--policy", path, "--action", "s3:GetObject", "--resource", "*"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(!hasRawControl(run.stderr), "\(run.stderr.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(run.stderr.contains(shown), "\(run.stderr)")
        #expect(run.stderr.contains(place), "\(run.stderr)")
        #expect(run.stderr.contains("hostile.json"))
    }

    @Test("A control character in a file name is escaped in the error too")
    func controlCharacterInFileName() throws {
        let run = try OvercastProcess.run(["iam", "simulate", "--policy", folder.path("nope\u{1B}[31m.json"),
                                           "--action", "s3:GetObject", "--resource", "*"])
        #expect(run.status == 2)
        #expect(!hasRawControl(run.stderr))
        #expect(run.stderr.contains(#"nope\u001b[31m.json"#), "\(run.stderr)")
    }

    @Test("A 10 MB policy file is refused unread: exit 2, ValidationError, the file named")
    func tenMegabytePolicy() throws {
        let statement = #"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/*"}"#
        let statements = Array(repeating: statement, count: 10 * 1024 * 1024 / (statement.utf8.count + 2))
        let path = try folder.file("huge.json", #"{"Version": "2012-10-17", "Statement": ["# + statements.joined(separator: ", ") + "]}")
        let run = try OvercastProcess.run(["iam", "simulate", "--policy", path, "--action", "s3:GetObject", "--resource", "*"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: ValidationError: PolicyInputList.1 (\(path)) is too long"), "\(run.stderr)")
        #expect(run.stderr.contains("Member must have length less than or equal to 131072"))
    }

    @Test("A missing policy file is exit 2 and says so")
    func missingPolicyFile() throws {
        let run = try OvercastProcess.run(["iam", "simulate", "--policy", folder.path("nope.json"),
                                           "--action", "s3:GetObject", "--resource", "*"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("nope.json"))
        #expect(run.stderr.contains("does not exist"))
    }

    @Test("It needs no account file")
    func needsNoAccount() throws {
        let home = folder.path("home")
        let run = try OvercastProcess.run(["iam", "simulate", "--action", "s3:GetObject", "--resource", "*"],
                                          environment: ["HOME": home, "XDG_DATA_HOME": "", "OVERCAST_DB": ""])
        #expect(run.status == 0)
        #expect(!FileManager.default.fileExists(atPath: home))
    }
}
