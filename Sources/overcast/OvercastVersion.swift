/// The version `overcast --version` prints.
enum OvercastVersion {
    static let current = "0.1.0"
}
