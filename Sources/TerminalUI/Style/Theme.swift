import Foundation

/// A mapping from every style role to how it looks, loaded from a JSON file.
///
/// Themes are data (`themes/*.json`) so people can restyle the console
/// without a rebuild. A theme missing a role still loads (the role looks
/// like `normal`) and reports it in `missingRoles`, so an old theme file
/// keeps working after a release adds a role; the repository's own themes
/// are tested to have none missing.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var description: String
    public private(set) var styles: [StyleRole: TextStyle]

    public init(name: String, description: String = "", styles: [StyleRole: TextStyle]) {
        self.name = name
        self.description = description
        self.styles = styles
    }

    /// How `role` looks; a role the theme does not define looks like `normal`.
    public func style(for role: StyleRole) -> TextStyle {
        styles[role] ?? styles[.normal] ?? .plain
    }

    /// Roles the theme file did not define.
    public var missingRoles: [StyleRole] {
        StyleRole.allCases.filter { styles[$0] == nil }
    }

    /// Replaces the style of one role.
    public mutating func setStyle(_ style: TextStyle, for role: StyleRole) {
        styles[role] = style
    }

    // MARK: - Loading

    /// Decodes a theme from the JSON of a theme file.
    ///
    /// Unknown role names are an error rather than ignored, because a typo
    /// in a theme would otherwise silently leave a role unstyled.
    public init(jsonData: Data) throws(ThemeError) {
        let file: ThemeFile
        do {
            file = try JSONDecoder().decode(ThemeFile.self, from: jsonData)
        } catch {
            throw ThemeError.malformed(Self.describe(error))
        }
        var styles: [StyleRole: TextStyle] = [:]
        var unknown: [String] = []
        for (key, style) in file.styles {
            if let role = StyleRole(rawValue: key) {
                styles[role] = style
            } else {
                unknown.append(key)
            }
        }
        guard unknown.isEmpty else { throw ThemeError.unknownRoles(unknown.sorted()) }
        self.init(name: file.name, description: file.description ?? "", styles: styles)
    }

    /// Loads the theme file at `url`.
    public static func load(from url: URL) throws(ThemeError) -> Theme {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ThemeError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        do {
            return try Theme(jsonData: data)
        } catch {
            throw error.inFile(url.path)
        }
    }

    /// Loads `<name>.json` from `directory`.
    public static func load(named name: String, in directory: URL) throws(ThemeError) -> Theme {
        try load(from: directory.appendingPathComponent(name + ".json"))
    }

    /// The theme names (file names without `.json`) available in `directory`, sorted.
    public static func available(in directory: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The JSON a theme file holds for this theme, roles in declaration order.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let file = ThemeFile(name: name, description: description,
                             styles: Dictionary(uniqueKeysWithValues: styles.map { ($0.key.rawValue, $0.value) }))
        return try encoder.encode(file)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription + at(context.codingPath)
        case DecodingError.keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\"" + at(context.codingPath)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return context.debugDescription + at(context.codingPath)
        default:
            return error.localizedDescription
        }
    }

    private static func at(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "" : " at " + path.map(\.stringValue).joined(separator: ".")
    }
}

/// The shape of a theme file.
private struct ThemeFile: Codable {
    var name: String
    var description: String?
    var styles: [String: TextStyle]
}
