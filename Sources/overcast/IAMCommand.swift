import ArgumentParser
import Foundation
import IAMPolicy

/// `overcast iam ...`: IAM tools that need no account.
struct IAMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iam",
        abstract: "IAM tools: simulate policy decisions without an account.",
        subcommands: [SimulateCommand.self])
}

/// `overcast iam simulate`: IAM's SimulateCustomPolicy, locally, printed as JSON.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Decide actions against policy files, as IAM's SimulateCustomPolicy does.",
        discussion: """
            Prints, as JSON, the decision for each action (allowed, explicitDeny, implicitDeny) and \
            the statements that decided it. Needs no account file. Exits 0 whatever the decision; \
            a policy file that cannot be read or parsed is an error (exit 2).
            """)

    @Option(name: .customLong("policy"), help: ArgumentHelp("An identity policy file; repeat for several. None means no identity policy.", valueName: "FILE"))
    var policies: [String] = []

    @Option(name: .customLong("resource-policy"), help: ArgumentHelp("A resource-based policy file (a bucket policy, say), or the role's trust policy for sts:AssumeRole.", valueName: "FILE"))
    var resourcePolicy: String?

    @Option(name: .customLong("action"), help: ArgumentHelp("An action to decide, e.g. s3:GetObject; repeat for several.", valueName: "A"))
    var actions: [String]

    @Option(name: .long, help: ArgumentHelp("The resource ARN; * (the default) stands for any resource, as in IAM's simulator.", valueName: "ARN"))
    var resource: String = "*"

    @Option(name: .customLong("caller-arn"), help: ArgumentHelp("Who calls: a user's ARN, a role's (arn:aws:iam::ACCOUNT:role/NAME) or a role session's (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION); needed with --resource-policy.", valueName: "ARN"))
    var callerArn: String?

    @Option(name: .customLong("context"), help: ArgumentHelp("A condition key and value, e.g. aws:SourceIp=10.0.0.1; a key given twice is multi-valued.", valueName: "KEY=VALUE"))
    var context: [String] = []

    func run() throws {
        let identityTexts = try policies.map(Self.read)
        let resourceText = try resourcePolicy.map(Self.read)
        do {
            let json = try PolicySimulator.simulate(
                identityPolicies: identityTexts, resourcePolicy: resourceText, actions: actions,
                resourceArn: resource, callerArn: callerArn, contextEntries: context)
            print(json)
        } catch {
            Self.fail(describe(error))
        }
    }

    /// Names the file behind a `PolicyInputList.N` / `ResourcePolicy` in the simulator's message.
    private func describe(_ error: PolicySimulationError) -> String {
        var message = error.message
        for (index, file) in policies.enumerated() {
            message = message.replacingOccurrences(of: "PolicyInputList.\(index + 1)", with: "PolicyInputList.\(index + 1) (\(file))")
        }
        if let resourcePolicy {
            message = message.replacingOccurrences(of: "ResourcePolicy", with: "ResourcePolicy (\(resourcePolicy))")
        }
        return "\(error.code): \(message)"
    }

    static func read(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read as UTF-8 text" : "it does not exist"
            fail("Cannot read the policy file \(path): \(reason).")
        }
    }

    /// Prints `message` and exits 2; control characters are escaped here whatever the message
    /// quotes (a file name, a key from the policy), so none reaches the terminal.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("Error: \(JSONString.escapingControlCharacters(message))\n".utf8))
        Foundation.exit(2)
    }
}
