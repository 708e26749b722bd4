import Foundation

/// The function runtime's folders inside the user's private folder (see `PrivateDirectory`):
/// `runtime/<digest>` holds the bootstrap, `code/<account>` the extracted code, `scratch/` the
/// workers' stand-in for `/tmp` where they cannot have their own.
public struct WorkerDirectories: Sendable, Equatable {
    public let root: String

    public var code: String { root + "/code" }
    public var scratch: String { root + "/scratch" }
    var runtime: String { root + "/runtime" }

    /// Creates (0700) or checks the root and its folders; throws a ServiceException naming a folder that is
    /// a symbolic link, belongs to someone else or can be written by others.
    public static func prepare(root: String) throws -> WorkerDirectories {
        try PrivateDirectory.ensure(root)
        let directories = WorkerDirectories(root: root)
        for child in [directories.code, directories.scratch, directories.runtime] {
            try PrivateDirectory.ensureChild(child)
        }
        return directories
    }

    /// The folder of this build's bootstrap, so a changed bootstrap never overwrites a running one.
    func bootstrapDirectory() throws -> String {
        try PrivateDirectory.ensureChild(runtime + "/" + PythonBootstrap.digest)
    }

    /// A new folder for one worker's scratch space.
    func newScratchDirectory() throws -> String {
        try PrivateDirectory.ensureChild(scratch + "/" + String(format: "%08x%08x", UInt32.random(in: 0...UInt32.max), UInt32.random(in: 0...UInt32.max)))
    }
}
