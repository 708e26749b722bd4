import Crypto
import Foundation
import IAMPolicy

/// Lambda's quotas, as AWS sets them. Tests may lower them to reach an error cheaply.
public struct FunctionLimits: Sendable, Equatable {
    /// Code storage for the whole account (functions, their versions, layers): 75 GB.
    public var codeStorageBytes: Int64 = 75 * 1024 * 1024 * 1024
    /// A function's code plus its layers, unzipped: 250 MB.
    public var unzippedCodeBytes = 262_144_000
    /// A deployment package uploaded directly: 50 MB.
    public var zippedUploadBytes = 50 * 1024 * 1024
    /// A function's resource-based policy: 20 KB.
    public var policyBytes = 20_480
    public var layersPerFunction = 5
    /// Environment variables, measured as their JSON: 4 KB.
    public var environmentBytes = 4096

    public init() {}

    public static let aws = FunctionLimits()
}

/// A function named by name, partial ARN or ARN, with the qualifier it carried.
struct FunctionReference: Equatable {
    var name: String
    var qualifier: String?
}

/// The rules Lambda applies to a function's parameters, each failing with Lambda's code and wording.
enum FunctionRules {
    static let supportedRuntimes = ["python3.9", "python3.10", "python3.11", "python3.12", "python3.13"]
    static let deprecatedRuntimes: Set<String> = ["python2.7", "python3.6", "python3.7", "python3.8"]
    static let namePattern = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?"
    static let rolePattern = "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+"
    static let layerVersionPattern = "arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+"
    static let minMemory = 128
    static let maxMemory = 10_240
    static let maxTimeout = 900
    static let descriptionMax = 256
    static let handlerMax = 128
    static let statementIDMax = 100

    /// Keys Lambda sets itself and refuses in a function's configuration.
    static let reservedEnvironmentKeys: Set<String> = [
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    ]

    // MARK: - Names

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return true
        default: return false
        }
    }

    static func isPlainName(_ text: Substring) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy(isNameCharacter)
    }

    /// Parses `NAME`, `NAME:QUALIFIER`, `ACCOUNT:function:NAME[:QUALIFIER]` or
    /// `arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`.
    ///
    /// A name of another account or region is reported as not found, as it is not in this account.
    static func reference(_ input: String, accountID: String, region: String, allowQualifier: Bool = true) throws -> FunctionReference {
        let invalid = EngineError.lambdaValidation([(member: "functionName", value: input,
                                                      constraint: "Member must satisfy regular expression pattern: \(namePattern)")])
        if input.isEmpty || input.unicodeScalars.count > 140 {
            throw EngineError.lambdaValidation([(member: "functionName", value: input, constraint: input.isEmpty
                ? "Member must have length greater than or equal to 1" : "Member must have length less than or equal to 140")])
        }
        var parts = input.split(separator: ":", omittingEmptySubsequences: false)
        var accountPart: Substring?
        var regionPart: Substring?
        if parts.first == "arn" {
            guard parts.count >= 7, parts[1].hasPrefix("aws"), parts[2] == "lambda", parts[5] == "function" else { throw invalid }
            regionPart = parts[3]
            accountPart = parts[4]
            parts = Array(parts.dropFirst(6))
        } else if parts.count >= 3, parts[1] == "function" {
            accountPart = parts[0]
            parts = Array(parts.dropFirst(2))
        }
        guard parts.count == 1 || parts.count == 2, isPlainName(parts[0]) else { throw invalid }
        let name = String(parts[0])
        var qualifier: String?
        if parts.count == 2 {
            guard parts[1] == "$LATEST" || isPlainName(parts[1]) else { throw invalid }
            qualifier = String(parts[1])
        }
        if let accountPart, accountPart.count != 12 || !accountPart.allSatisfy(\.isNumber) { throw invalid }
        if name.unicodeScalars.count > 64 {
            throw EngineError.lambdaValidation([(member: "functionName", value: name,
                                                 constraint: "Member must have length less than or equal to 64")])
        }
        let arn = "arn:aws:lambda:\(regionPart.map(String.init) ?? region):\(accountPart.map(String.init) ?? accountID):function:\(name)"
        if let accountPart, accountPart != accountID { throw EngineError.functionNotFound(arn) }
        if let regionPart, regionPart != region { throw EngineError.functionNotFound(arn) }
        if qualifier != nil && !allowQualifier {
            throw EngineError.invalidParameterValue("The function name \(input) carries a qualifier; give the function's name or unqualified ARN.")
        }
        return FunctionReference(name: name, qualifier: qualifier)
    }

    // MARK: - Configuration

    static func validateRuntime(_ runtime: String) throws {
        guard !supportedRuntimes.contains(runtime) else { return }
        let supported = supportedRuntimes.joined(separator: ", ")
        if deprecatedRuntimes.contains(runtime) {
            throw EngineError.invalidParameterValue(
                "The runtime parameter of \(runtime) is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (\(supportedRuntimes.last!)) while creating or updating functions. Supported runtimes: \(supported).")
        }
        throw EngineError.invalidParameterValue(
            "The runtime parameter of \(runtime) is not supported. Overcast runs Python functions; supported runtimes: \(supported).")
    }

    /// `module.function`: a module path (`app`, `pkg.app`, `src/app`) and a Python identifier after the last dot.
    static func validateHandler(_ handler: String) throws {
        if handler.unicodeScalars.count > handlerMax {
            throw EngineError.lambdaValidation([(member: "handler", value: handler, constraint: "Member must have length less than or equal to \(handlerMax)")])
        }
        if handler.isEmpty || handler.unicodeScalars.contains(where: { CharacterSet.whitespacesAndNewlines.contains($0) }) {
            throw EngineError.lambdaValidation([(member: "handler", value: handler, constraint: "Member must satisfy regular expression pattern: [^\\s]+")])
        }
        let wellFormed: Bool = {
            guard let dot = handler.lastIndex(of: ".") else { return false }
            let module = handler[..<dot]
            let function = handler[handler.index(after: dot)...]
            return !module.isEmpty && !module.hasSuffix("/") && !module.hasSuffix(".") && isIdentifier(function)
        }()
        if !wellFormed {
            throw EngineError.invalidParameterValue(
                "The handler \(handler) is not in the form module.function: name the file without .py, a dot, then the function (for example lambda_function.lambda_handler).")
        }
    }

    static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || CharacterSet.letters.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || CharacterSet.alphanumerics.contains($0) }
    }

    /// Lambda's `EphemeralStorage.Size` bounds and default, in MB.
    static let defaultEphemeralStorage = 512
    static let maxEphemeralStorage = 10_240

    static func validateEphemeralStorage(_ size: Int) throws {
        if size < defaultEphemeralStorage {
            throw EngineError.lambdaValidation([(member: "ephemeralStorage.size", value: String(size),
                                                 constraint: "Member must have value greater than or equal to \(defaultEphemeralStorage)")])
        }
        if size > maxEphemeralStorage {
            throw EngineError.lambdaValidation([(member: "ephemeralStorage.size", value: String(size),
                                                 constraint: "Member must have value less than or equal to \(maxEphemeralStorage)")])
        }
    }

    static func validateMemory(_ memory: Int) throws {
        if memory < minMemory {
            throw EngineError.lambdaValidation([(member: "memorySize", value: String(memory), constraint: "Member must have value greater than or equal to \(minMemory)")])
        }
        if memory > maxMemory {
            throw EngineError.invalidParameterValue(
                "'MemorySize' value failed to satisfy constraint: Member must have value less than or equal to \(maxMemory)")
        }
    }

    static func validateTimeout(_ timeout: Int) throws {
        if timeout < 1 {
            throw EngineError.lambdaValidation([(member: "timeout", value: String(timeout), constraint: "Member must have value greater than or equal to 1")])
        }
        if timeout > maxTimeout {
            throw EngineError.lambdaValidation([(member: "timeout", value: String(timeout), constraint: "Member must have value less than or equal to \(maxTimeout)")])
        }
    }

    static func validateDescription(_ description: String) throws {
        if description.unicodeScalars.count > descriptionMax {
            throw EngineError.lambdaValidation([(member: "description", value: description, constraint: "Member must have length less than or equal to \(descriptionMax)")])
        }
    }

    static func validateRole(_ role: String) throws {
        if RoleARN(role) == nil || role.unicodeScalars.contains(where: { CharacterSet.whitespacesAndNewlines.contains($0) }) {
            throw EngineError.lambdaValidation([(member: "role", value: role, constraint: "Member must satisfy regular expression pattern: \(rolePattern)")])
        }
    }

    static func isEnvironmentKey(_ key: String) -> Bool {
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= 2, ("a"..."z").contains(scalars[0]) || ("A"..."Z").contains(scalars[0]) else { return false }
        return scalars.dropFirst().allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    static func validateEnvironment(_ variables: [String: String], limits: FunctionLimits) throws {
        if variables.keys.contains(where: { !isEnvironmentKey($0) }) {
            throw EngineError.lambdaValidation([(member: "environment.variables", value: nil,
                                                 constraint: "Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]")])
        }
        let reserved = variables.keys.filter(reservedEnvironmentKeys.contains).sorted()
        if !reserved.isEmpty {
            throw EngineError.invalidParameterValue(
                "Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: \(reserved.joined(separator: ", "))")
        }
        let measured = FunctionJSON.object(variables)
        if measured.utf8.count > limits.environmentBytes {
            throw EngineError.invalidParameterValue(
                "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: \(measured.utf8.count) bytes of JSON (limit \(limits.environmentBytes)); move large values to a file in the code or a bucket.")
        }
    }

    /// The layer references themselves (count, ARN shape, one version per layer); existence is checked against the account.
    static func validateLayerList(_ layers: [String], limits: FunctionLimits) throws {
        if layers.count > limits.layersPerFunction {
            throw EngineError.invalidParameterValue("Cannot reference more than \(limits.layersPerFunction) layers.")
        }
        var seen: Set<String> = []
        for arn in layers {
            guard let parsed = LayerVersionARN(arn) else {
                throw EngineError.lambdaValidation([(member: "layers", value: arn, constraint: "Member must satisfy regular expression pattern: \(layerVersionPattern)")])
            }
            if !seen.insert(parsed.layerARN).inserted {
                throw EngineError.invalidParameterValue(
                    "Two different versions of the same layer are not allowed to be referenced in the same function. \(parsed.layerARN) is referenced more than once.")
            }
        }
    }

    // MARK: - Code

    /// Relative paths of plain files: not empty, no leading `/`, no `.`/`..` segments, no NUL or backslash.
    static func validateFiles(_ files: [String: Data], what: String) throws {
        if files.isEmpty {
            throw EngineError.invalidParameterValue("The \(what) is empty: give at least one file (for example lambda_function.py).")
        }
        for path in files.keys.sorted() {
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            let bad = path.isEmpty || path.hasPrefix("/") || path.contains("\0") || path.contains("\\")
                || segments.contains { $0.isEmpty || $0 == "." || $0 == ".." }
            if bad {
                throw EngineError.invalidParameterValue(
                    "The \(what) holds a file with an unusable path \"\(path)\": paths are relative, separated by /, without empty, . or .. segments.")
            }
        }
    }

    /// Base64 of the SHA-256 over the files in path order (each path, a NUL, its size as 8 bytes, its bytes),
    /// so the same files always give the same `CodeSha256`.
    static func sha256(of files: [String: Data]) -> String {
        var hasher = SHA256()
        for path in files.keys.sorted() {
            let content = files[path]!
            hasher.update(data: Data(path.utf8))
            hasher.update(data: Data([0]))
            var size = UInt64(content.count).bigEndian
            withUnsafeBytes(of: &size) { hasher.update(bufferPointer: $0) }
            hasher.update(data: content)
        }
        return Data(hasher.finalize()).base64EncodedString()
    }

    static func size(of files: [String: Data]) -> Int {
        files.values.reduce(0) { $0 + $1.count }
    }
}

/// The parts of `arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION`.
struct LayerVersionARN: Equatable {
    var region: String
    var accountID: String
    var name: String
    var version: Int

    init?(_ arn: String) {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 8, parts[0] == "arn", parts[2] == "lambda", parts[5] == "layer",
              parts[4].count == 12, parts[4].allSatisfy(\.isNumber), FunctionRules.isPlainName(parts[6]),
              let version = Int(parts[7]), version > 0 else { return nil }
        region = String(parts[3])
        accountID = String(parts[4])
        name = String(parts[6])
        self.version = version
    }

    var layerARN: String { "arn:aws:lambda:\(region):\(accountID):layer:\(name)" }
}

/// Small JSON helpers: compact, keys in a fixed order, as Lambda prints its documents.
enum FunctionJSON {
    /// `{"K":"V",...}` with keys sorted.
    static func object(_ values: [String: String]) -> String {
        "{" + values.sorted { $0.key < $1.key }
            .map { JSONString.quoted($0.key) + ":" + JSONString.quoted($0.value) }.joined(separator: ",") + "}"
    }

    static func array(_ values: [String]) -> String {
        "[" + values.map(JSONString.quoted).joined(separator: ",") + "]"
    }

    static func decodeObject(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }

    static func decodeArray(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
