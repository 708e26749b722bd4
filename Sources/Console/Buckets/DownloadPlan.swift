import Foundation

/// Where each object of a several-item download goes: its key less the browser's prefix, under the folder.
enum DownloadPlan {
    /// Every object under `request.items` (folders expanded by `list`, folder markers skipped), with its local path.
    /// A key that would land outside the folder (`..`, an absolute part) is refused, as is a plan with nothing in it.
    static func files(_ request: DownloadRequest, into folder: String,
                      list: (_ prefix: String) throws -> [TransferFile]) throws -> [TransferFile] {
        var planned: [TransferFile] = []
        var seen = Set<String>()
        for item in request.items {
            let found = item.hasSuffix("/") ? try list(item) : try list(item).filter { $0.key == item }
            for file in found where !file.key.hasSuffix("/") && seen.insert(file.key).inserted {
                planned.append(TransferFile(localPath: try localPath(file.key, prefix: request.prefix, folder: folder),
                                            key: file.key, size: file.size))
            }
        }
        guard !planned.isEmpty else {
            throw ConsoleError(message: "There is nothing to download: the folders are empty.")
        }
        return planned
    }

    static func localPath(_ key: String, prefix: String, folder: String) throws -> String {
        let relative = key.hasPrefix(prefix) ? String(key.dropFirst(prefix.count)) : key
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else {
            throw ConsoleError(message: "The key \(key) would be saved outside \(folder); download it on its own, under another name.")
        }
        return parts.reduce(folder) { ($0 as NSString).appendingPathComponent(String($1)) }
    }
}
