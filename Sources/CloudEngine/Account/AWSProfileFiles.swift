import Foundation

/// Writes an `overcast` profile into the aws CLI's and boto3's shared files (`~/.aws/config` and
/// `~/.aws/credentials`, or where `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE` point), replacing only that
/// profile's section: every other line of the files stays as it was.
public struct AWSProfileFiles: Sendable {
    public var configPath: String
    public var credentialsPath: String

    public init(configPath: String, credentialsPath: String) {
        self.configPath = configPath
        self.credentialsPath = credentialsPath
    }

    public static let profile = "overcast"

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> AWSProfileFiles {
        let home = Self.home(environment)
        return AWSProfileFiles(configPath: environment["AWS_CONFIG_FILE"] ?? home + "/.aws/config",
                               credentialsPath: environment["AWS_SHARED_CREDENTIALS_FILE"] ?? home + "/.aws/credentials")
    }

    /// The home folder the aws CLI reads its files under.
    static func home(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["HOME"] ?? NSHomeDirectory()
    }

    public func write(endpoint: String, region: String, accessKeyID: String, secretAccessKey: String) throws {
        try Self.replaceSection("profile \(Self.profile)", with: [
            "region = \(region)", "endpoint_url = \(endpoint)", "output = json",
            // The aws CLI v1 presigns S3 URLs with Signature Version 2 unless told otherwise; S3 refuses it.
            "s3 =", "    signature_version = s3v4",
        ], in: configPath, mode: 0o600)
        try Self.replaceSection(Self.profile, with: [
            "aws_access_key_id = \(accessKeyID)", "aws_secret_access_key = \(secretAccessKey)",
        ], in: credentialsPath, mode: 0o600)
    }

    /// `[name]`'s lines replaced with `lines` (or the section appended); written to a temporary file and renamed
    /// into place, so a crash leaves the old file or the new one, never half of one.
    static func replaceSection(_ name: String, with lines: [String], in path: String, mode: mode_t) throws {
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var output: [String] = []
        var skipping = false
        var replaced = false
        for line in existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") {
                let section = trimmed.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                if section == name {
                    skipping = true
                    replaced = true
                    output.append("[\(name)]")
                    output += lines
                    continue
                }
                skipping = false
            }
            if !skipping { output.append(line) }
        }
        while output.last == "" { output.removeLast() }
        if !replaced {
            if !output.isEmpty { output.append("") }
            output.append("[\(name)]")
            output += lines
        }
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let temporary = path + ".overcast-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data((output.joined(separator: "\n") + "\n").utf8),
                                             attributes: [.posixPermissions: mode]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: reason])
        }
    }
}

extension Account {
    /// Writes the `overcast` profile for the endpoint this account is served on (`endpoint.url`), with the root's
    /// keys; returns what to tell the person. Throws when nothing serves the account or it has no root key.
    public func writeAWSProfile(_ files: AWSProfileFiles = .fromEnvironment()) throws -> String {
        guard let url = endpoint.url else {
            throw EngineError(code: "EndpointNotServing", httpStatus: 400,
                              message: "No endpoint serves this account, so the profile would point nowhere. Start the console without --no-endpoint, or run overcast serve.")
        }
        guard let key = try iam.rootAccessKey() else {
            throw EngineError(code: "NoRootKey", httpStatus: 400, message: "The account has no active root access key to write into the profile.")
        }
        try files.write(endpoint: url, region: region, accessKeyID: key.accessKeyID, secretAccessKey: key.secretAccessKey)
        return "Wrote the profile \(AWSProfileFiles.profile) to \(Self.tilde(files.configPath)) and \(Self.tilde(files.credentialsPath)): aws --profile overcast s3 ls"
    }

    /// A path under the home folder as `~/…`, the way people type it.
    static func tilde(_ path: String) -> String {
        let home = AWSProfileFiles.home()
        guard !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }
}
