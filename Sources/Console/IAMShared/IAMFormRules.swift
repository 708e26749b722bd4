import CloudEngine
import Foundation

/// The rules IAM holds names, paths and tags to, checked as a form is typed (the engine checks them again).
enum IAMFormRules {
    /// Why `name` cannot name a new `kind` ("user", "role"), or nil. `taken` holds the names in use, lowercased.
    static func nameProblem(_ name: String, kind: String, max: Int, taken: Set<String>) -> String? {
        if name.isEmpty { return "Give the \(kind) a name" }
        if name.count > max || !name.allSatisfy(isNameCharacter) { return "Up to \(max) letters, digits and +=,.@_- only" }
        if taken.contains(name.lowercased()) { return "A \(kind) named \(name) exists (names ignore case)" }
        return nil
    }

    /// Why `path` is not an IAM path, or nil; empty means `/`.
    static func pathProblem(_ path: String) -> String? {
        guard !path.isEmpty, path != "/" else { return nil }
        if !path.hasPrefix("/") || !path.hasSuffix("/") { return "A path starts and ends with /, e.g. /engineering/" }
        if path.count > 512 || path.contains("//") || !path.allSatisfy({ $0.isASCII && !$0.isWhitespace }) {
            return "Up to 512 characters, no spaces or empty parts"
        }
        return nil
    }

    /// `team=data, env=dev` as tags.
    static func tags(_ text: String) -> [IAMTag] {
        text.split(separator: ",").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let key = parts.first, !key.isEmpty else { return nil }
            return IAMTag(key: key, value: parts.count > 1 ? parts[1] : "")
        }
    }

    /// Why the tags text is not `KEY=value` pairs, or nil.
    static func tagsProblem(_ text: String) -> String? {
        for pair in text.split(separator: ",") where !pair.trimmingCharacters(in: .whitespaces).isEmpty {
            let key = pair.split(separator: "=", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if key.isEmpty || key.count > 128 { return "Each tag is KEY=value, the key 1 to 128 characters" }
        }
        return nil
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "+=,.@_-".contains(character))
    }
}
