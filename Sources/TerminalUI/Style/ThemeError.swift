/// Why a theme file could not be used, in words a theme author can act on.
public enum ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case malformed(String)
    case unknownRoles([String])
    indirect case inFile(String, ThemeError)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read theme \(path): \(reason)"
        case .malformed(let reason):
            return "theme is not valid: \(reason)"
        case .unknownRoles(let roles):
            let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
            return "theme names unknown roles \(roles.joined(separator: ", ")); known roles: \(known)"
        case .inFile(let path, let error):
            return "\(path): \(error)"
        }
    }

    func inFile(_ path: String) -> ThemeError {
        if case .inFile = self { return self }
        return .inFile(path, self)
    }
}
