import Foundation

/// Finds an executable SwiftPM built beside the test bundle (`overcast`, `overcast-fixture`).
///
/// The test targets depend on those executables so they are always built;
/// where they land depends on the scratch path, so look where the tests run.
public enum BuiltProduct {
    public static func url(named name: String) throws -> URL {
        var folders: [URL] = []
        if let arg0 = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: arg0).deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for folder in folders {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw BuiltProductMissing(name: name, searched: folders.map(\.path))
    }
}

/// The executable was not found beside the tests.
public struct BuiltProductMissing: Error, CustomStringConvertible {
    public let name: String
    public let searched: [String]
    public var description: String {
        "\(name) not found next to the tests in \(searched); build with `swift build --build-tests`."
    }
}
