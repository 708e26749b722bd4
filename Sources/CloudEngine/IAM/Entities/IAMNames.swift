/// The constraints IAM puts on names, paths, descriptions and tags (botocore's `iam` model,
/// IAM UG "IAM and AWS STS quotas"), checked before any transaction starts.
enum IAMNames {
    static let userNameMax = 64
    static let roleNameMax = 64
    static let groupNameMax = 128
    static let policyNameMax = 128
    static let pathMax = 512
    static let descriptionMax = 1000
    static let tagKeyMax = 128
    static let tagValueMax = 256
    static let tagsPerEntity = 50

    static let namePattern = #"[\w+=,.@-]+"#
    static let pathPattern = #"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)"#
    static let policyPathPattern = #"((/[A-Za-z0-9\.,\+@=_-]+)*)/"#
    static let pathPrefixPattern = #"\u002F[\u0021-\u007F]*"#
    static let tagPattern = #"[\p{L}\p{Z}\p{N}_.:/=+\-@]*"#

    /// A user, group, role, policy or session name: `[\w+=,.@-]`, `min` to `max` characters.
    static func nameViolations(_ value: String, member: String, min: Int = 1, max: Int) -> [ParameterViolation] {
        var found: [ParameterViolation] = []
        let length = value.unicodeScalars.count
        if length < min {
            found.append(ParameterViolation(member: member, value: value, constraint: "Member must have length greater than or equal to \(min)"))
        }
        if length > max {
            found.append(ParameterViolation(member: member, value: value, constraint: "Member must have length less than or equal to \(max)"))
        }
        if length > 0, !value.unicodeScalars.allSatisfy(isNameCharacter) {
            found.append(ParameterViolation(member: member, value: value, constraint: "Member must satisfy regular expression pattern: \(namePattern)"))
        }
        return found
    }

    /// `/` or `/a/b/`: starts and ends with a slash, printable ASCII between.
    static func pathViolations(_ path: String, member: String = "path") -> [ParameterViolation] {
        var found = lengthViolations(path, member: member, max: pathMax)
        let scalars = Array(path.unicodeScalars)
        let wellFormed = path == "/" || (scalars.count >= 3 && scalars.first == "/" && scalars.last == "/"
            && scalars.allSatisfy { (0x21...0x7E).contains($0.value) })
        if !path.isEmpty, !wellFormed {
            found.append(ParameterViolation(member: member, value: path, constraint: "Member must satisfy regular expression pattern: \(pathPattern)"))
        }
        return found
    }

    /// A managed policy's path: `/` or `/seg/seg/`, each segment of name characters.
    static func policyPathViolations(_ path: String) -> [ParameterViolation] {
        var found = lengthViolations(path, member: "path", max: pathMax)
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let wellFormed = path.hasPrefix("/") && path.hasSuffix("/")
            && segments.dropFirst().dropLast().allSatisfy { segment in
                !segment.isEmpty && segment.unicodeScalars.allSatisfy { isNameCharacter($0) && $0 != "/" }
            }
        if !path.isEmpty, !wellFormed {
            found.append(ParameterViolation(member: "path", value: path, constraint: "Member must satisfy regular expression pattern: \(policyPathPattern)"))
        }
        return found
    }

    /// A `PathPrefix` for the List calls: starts with `/`.
    static func pathPrefixViolations(_ prefix: String) -> [ParameterViolation] {
        var found = lengthViolations(prefix, member: "pathPrefix", max: pathMax)
        if !prefix.isEmpty, !(prefix.hasPrefix("/") && prefix.unicodeScalars.allSatisfy { (0x21...0x7F).contains($0.value) }) {
            found.append(ParameterViolation(member: "pathPrefix", value: prefix, constraint: "Member must satisfy regular expression pattern: \(pathPrefixPattern)"))
        }
        return found
    }

    /// A role's description: at most 1,000 characters of tab, newline, printable ASCII or Latin-1.
    static func roleDescriptionViolations(_ description: String) -> [ParameterViolation] {
        var found: [ParameterViolation] = []
        if description.unicodeScalars.count > descriptionMax {
            found.append(ParameterViolation(member: "description", value: description, constraint: "Member must have length less than or equal to \(descriptionMax)"))
        }
        let allowed = description.unicodeScalars.allSatisfy { scalar in
            [0x09, 0x0A, 0x0D].contains(scalar.value) || (0x20...0x7E).contains(scalar.value) || (0xA1...0xFF).contains(scalar.value)
        }
        if !allowed {
            found.append(ParameterViolation(member: "description", value: description,
                                            constraint: #"Member must satisfy regular expression pattern: [\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*"#))
        }
        return found
    }

    static func tagViolations(_ tags: [IAMTag]) -> [ParameterViolation] {
        var found: [ParameterViolation] = []
        for (offset, tag) in tags.enumerated() {
            let keyMember = "tags.\(offset + 1).member.key"
            let valueMember = "tags.\(offset + 1).member.value"
            found += lengthViolations(tag.key, member: keyMember, max: tagKeyMax)
            if !isTagText(tag.key) {
                found.append(ParameterViolation(member: keyMember, value: tag.key, constraint: "Member must satisfy regular expression pattern: \(tagPattern.dropLast())+"))
            }
            if tag.value.unicodeScalars.count > tagValueMax {
                found.append(ParameterViolation(member: valueMember, value: tag.value, constraint: "Member must have length less than or equal to \(tagValueMax)"))
            }
            if !isTagText(tag.value) {
                found.append(ParameterViolation(member: valueMember, value: tag.value, constraint: "Member must satisfy regular expression pattern: \(tagPattern)"))
            }
        }
        return found
    }

    /// Throws IAM's ValidationError naming every violation, when there is any.
    static func require(_ violations: [ParameterViolation]) throws {
        if !violations.isEmpty { throw EngineError.iamValidation(violations) }
    }

    // MARK: - Characters

    /// `\w` as Java reads it (ASCII letters, digits, underscore) plus `+=,.@-`.
    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "+", "=", ",", ".", "@", "-": return true
        default: return false
        }
    }

    private static func isTagText(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil { return true }
            if properties.generalCategory == .spaceSeparator || properties.generalCategory == .lineSeparator
                || properties.generalCategory == .paragraphSeparator { return true }
            return "_.:/=+-@".unicodeScalars.contains(scalar)
        }
    }

    private static func lengthViolations(_ value: String, member: String, max: Int) -> [ParameterViolation] {
        let length = value.unicodeScalars.count
        if length < 1 {
            return [ParameterViolation(member: member, value: value, constraint: "Member must have length greater than or equal to 1")]
        }
        if length > max {
            return [ParameterViolation(member: member, value: value, constraint: "Member must have length less than or equal to \(max)")]
        }
        return []
    }
}
