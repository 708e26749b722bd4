/// Substitutes policy variables such as `${aws:username}` into resources and condition values.
///
/// Done per request because the values come from the request context (the
/// text around the variables is read once, see `PolicyTemplate`). A
/// variable that cannot be resolved makes the whole value unusable (IAM UG:
/// "Policy variables" — the value does not match), rather than leaving the
/// text `${aws:username}` to be compared literally.
enum PolicyVariables {
    /// Turns `text` into a pattern, substituting `${...}` from `context` when `enabled`.
    ///
    /// Returns nil when a variable has no value and no default. Substituted
    /// values are literal: a `*` inside a user name is not a wildcard, and
    /// `${*}`, `${?}` and `${$}` stand for the literal characters.
    static func pattern(for text: String, context: ConditionContext, enabled: Bool) -> WildcardPattern? {
        guard enabled, let template = PolicyTemplate(text) else { return WildcardPattern(glob: text) }
        return template.resolve(in: context)
    }

    /// The keys `text` refers to through `${...}`, for reporting missing context values.
    static func referencedKeys(in text: String) -> [String] {
        PolicyTemplate(text)?.keys ?? []
    }

    /// Splits `key, 'default'` into the key and the unquoted default.
    static func split(_ body: String) -> (key: String, fallback: String?) {
        guard let comma = body.firstIndex(of: ",") else { return (trim(body), nil) }
        let key = trim(String(body[..<comma]))
        let rawDefault = trim(String(body[body.index(after: comma)...]))
        guard rawDefault.count >= 2, rawDefault.hasPrefix("'"), rawDefault.hasSuffix("'") else { return (key, nil) }
        return (key, String(rawDefault.dropFirst().dropLast()))
    }

    private static func trim(_ text: String) -> String {
        var slice = Substring(text)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}
