/// CloudWatch Logs' naming rules, each with the sentence a person reads when it fails.
public enum LogNames {
    static let groupCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/#")

    /// The first rule a log group name breaks, or nil.
    public static func groupViolation(_ name: String) -> String? {
        if name.isEmpty || name.count > 512 {
            return "Log group names must be between 1 and 512 characters long (this one has \(name.count))."
        }
        if let bad = name.first(where: { !groupCharacters.contains($0) }) {
            return "Log group names can contain only a-z, A-Z, 0-9, '_', '-', '/', '.' and '#'; '\(bad)' is not allowed."
        }
        return nil
    }

    /// The first rule a log stream name breaks, or nil.
    public static func streamViolation(_ name: String) -> String? {
        if name.isEmpty || name.count > 512 {
            return "Log stream names must be between 1 and 512 characters long (this one has \(name.count))."
        }
        if name.contains(":") || name.contains("*") {
            return "Log stream names cannot contain ':' or '*'."
        }
        return nil
    }

    /// The retention periods CloudWatch Logs accepts, in days.
    public static let retentionDays: [Int] = [
        1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
    ]
}
