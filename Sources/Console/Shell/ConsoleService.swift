/// The services in the console's sidebar, in the order they are listed, with the `:` commands that open them.
public enum ConsoleService: String, CaseIterable, Sendable {
    case buckets
    case functions
    case roles
    case policies
    case users
    case logGroups
    case insights
    case simulator

    /// The name shown in the sidebar and the breadcrumb.
    public var title: String {
        switch self {
        case .buckets: return "Buckets"
        case .functions: return "Functions"
        case .roles: return "Roles"
        case .policies: return "Policies"
        case .users: return "Users"
        case .logGroups: return "Log groups"
        case .insights: return "Logs Insights"
        case .simulator: return "Simulator"
        }
    }

    /// The AWS service it belongs to, first in the breadcrumb.
    public var awsService: String {
        switch self {
        case .buckets: return "S3"
        case .functions: return "Lambda"
        case .roles, .policies, .users, .simulator: return "IAM"
        case .logGroups, .insights: return "CloudWatch Logs"
        }
    }

    /// What `:` accepts for this service; the first is the canonical name shown in completion.
    public var commands: [String] {
        switch self {
        case .buckets: return ["buckets", "s3"]
        case .functions: return ["functions", "lambda"]
        case .roles: return ["roles"]
        case .policies: return ["policies"]
        case .users: return ["users", "iam"]
        case .logGroups: return ["logs", "loggroups"]
        case .insights: return ["insights", "query"]
        case .simulator: return ["simulator", "simulate"]
        }
    }

    /// Whether this build of the console has the panel; the others are listed so people know they are coming.
    public var isAvailable: Bool { panel != nil }

    /// The one line shown when a service without a panel yet is chosen.
    public var unavailableMessage: String {
        "\(title) are not available in this version of the console yet; they arrive with the \(awsService) panel."
    }

    /// The service a `:` command names, matched exactly and case-insensitively.
    public static func named(_ command: String) -> ConsoleService? {
        let wanted = command.lowercased()
        return allCases.first { $0.commands.contains(wanted) }
    }
}
