import Foundation

/// Lambda's parameter rules as one-line messages, for forms that check as the person types.
///
/// The engine still enforces every rule with Lambda's own error when the call is made; these let a
/// form say what is wrong before anything is sent.
public enum FunctionFormRules {
    public static let runtimes = FunctionRules.supportedRuntimes
    public static let memoryRange = FunctionRules.minMemory...FunctionRules.maxMemory
    public static let timeoutRange = 1...FunctionRules.maxTimeout

    /// Why `name` cannot name a function, or nil.
    public static func nameViolation(_ name: String) -> String? {
        if name.isEmpty { return "Enter a function name." }
        if name.unicodeScalars.count > 64 { return "Function names are at most 64 characters." }
        if !FunctionRules.isPlainName(Substring(name)) {
            return "Only letters, numbers, hyphens (-) and underscores (_) are allowed."
        }
        return nil
    }

    /// Why `handler` is not `module.function`, or nil.
    public static func handlerViolation(_ handler: String) -> String? {
        do {
            try FunctionRules.validateHandler(handler)
            return nil
        } catch {
            return handler.isEmpty ? "Enter the handler, e.g. lambda_function.lambda_handler."
                : "Use module.function, e.g. lambda_function.lambda_handler."
        }
    }

    public static func memoryViolation(_ text: String) -> String? {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), memoryRange.contains(value) else {
            return "Memory is a whole number of MB from 128 to 10240."
        }
        return nil
    }

    public static func ephemeralStorageViolation(_ text: String) -> String? {
        let range = FunctionRules.defaultEphemeralStorage...FunctionRules.maxEphemeralStorage
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            return "Ephemeral storage (/tmp) is a whole number of MB from 512 to 10240."
        }
        return nil
    }

    public static func timeoutViolation(_ text: String) -> String? {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), timeoutRange.contains(value) else {
            return "Timeout is a whole number of seconds from 1 to 900."
        }
        return nil
    }

    /// Parses `KEY=value, KEY2=value2` (commas inside values are not supported in this one-line form).
    public static func parseEnvironment(_ text: String) -> Result<[String: String], EnvironmentTextError> {
        var result: [String: String] = [:]
        for part in text.split(separator: ",") {
            let item = part.trimmingCharacters(in: .whitespaces)
            if item.isEmpty { continue }
            guard let equals = item.firstIndex(of: "=") else { return .failure(.missingEquals(item)) }
            let key = item[..<equals].trimmingCharacters(in: .whitespaces)
            guard FunctionRules.isEnvironmentKey(key) else { return .failure(.badKey(key)) }
            if FunctionRules.reservedEnvironmentKeys.contains(key) { return .failure(.reserved(key)) }
            if result[key] != nil { return .failure(.duplicate(key)) }
            result[key] = String(item[item.index(after: equals)...])
        }
        return .success(result)
    }

    /// Formats variables the way `parseEnvironment` reads them, sorted by key.
    public static func environmentText(_ variables: [String: String]) -> String {
        variables.keys.sorted().map { "\($0)=\(variables[$0] ?? "")" }.joined(separator: ", ")
    }
}

/// Why a line of environment variables could not be read.
public enum EnvironmentTextError: Error, Equatable, CustomStringConvertible {
    case missingEquals(String)
    case badKey(String)
    case reserved(String)
    case duplicate(String)

    public var description: String {
        switch self {
        case .missingEquals(let item): return "“\(item)” has no “=”: write KEY=value, separated by commas."
        case .badKey(let key): return "“\(key)” is not a valid key: a letter, then letters, digits or _ (2+ characters)."
        case .reserved(let key): return "\(key) is set by Lambda itself and can't be changed."
        case .duplicate(let key): return "\(key) is given twice."
        }
    }
}
