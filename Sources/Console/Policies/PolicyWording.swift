import CloudEngine

/// Sentences the Policies panel uses in more than one place: key reasons, confirmations, the detail.
enum PolicyWording {
    /// Why every change to an AWS managed policy is refused, as the AWS console says it.
    static let awsManaged = "AWS managed policies can't be changed"

    /// "role lambda-basic, user alice and group devs".
    static func entities(_ entities: [IAMEntity]) -> String {
        let names = entities.map { "\($0.kind.rawValue) \($0.name)" }
        guard names.count > 1, let last = names.last else { return names.first ?? "nothing" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    static func makeDefaultRefusal(_ detail: PolicyDetailState, _ version: PolicyVersionDocument?) -> String? {
        if detail.isAWSManaged { return awsManaged }
        guard let version else { return "Not loaded yet" }
        return version.isDefault ? "\(version.versionID) is already the default version" : nil
    }

    static func deleteVersionRefusal(_ detail: PolicyDetailState, _ version: PolicyVersionDocument?) -> String? {
        if detail.isAWSManaged { return awsManaged }
        guard let version else { return "Not loaded yet" }
        return version.isDefault ? "The default version can't be deleted; make another the default first (d)" : nil
    }
}
