import CloudEngine
import Foundation
import TerminalUI

/// Everything the Buckets panel shows: the bucket list, the object browser, details, preview, dialogs and transfers.
///
/// The screens stack: the list, then a bucket's browser, then an object's
/// details, then its preview; Esc pops the top one. A dialog (`modal`) or a
/// transfer in progress sits above them all and takes the keys.
public struct BucketsState: Sendable {
    public var buckets: [Bucket] = []
    public var bucketTable = TableState<String>(rows: [])
    public var bucketsLoaded = false
    public var loadError: ConsoleError?
    public var browser: ObjectBrowserState?
    public var details: ObjectDetailsState?
    public var preview: PreviewState?
    public var modal: BucketsModal?
    public var transfer: TransferState?
    public var nextTransferID = 1

    public init() {}

    /// The screen on top of the stack.
    public var screen: BucketsScreen {
        if preview != nil { return .preview }
        if details != nil { return .details }
        if browser != nil { return .objects }
        return .list
    }

    /// The bucket under the cursor in the list.
    public var selectedBucket: Bucket? {
        bucketTable.selectedID.flatMap { name in buckets.first { $0.name == name } }
    }
}

/// Which of the Buckets panel's screens is showing.
public enum BucketsScreen: Sendable, Hashable {
    case list
    case objects
    case details
    case preview
}

/// One bucket's object browser: the folder shown, its rows, and how they are ordered.
public struct ObjectBrowserState: Sendable {
    public var bucket: Bucket
    public var query: ObjectQuery
    public var table: TableState<String>
    /// A row to select when the next page arrives (the folder just left, a folder just created).
    public var selectWhenLoaded: String?
    public var loadError: ConsoleError?

    public init(bucket: Bucket, prefix: String) {
        self.bucket = bucket
        self.query = ObjectQuery(bucket: bucket.name, prefix: prefix)
        self.table = TableState(windowLimit: 240)
    }

    /// The selected row when it is an object (not a folder).
    public var selectedObjectKey: String? {
        table.selectedID.flatMap { $0.hasSuffix("/") ? nil : $0 }
    }

    /// The selected row when it is a folder.
    public var selectedFolder: String? {
        table.selectedID.flatMap { $0.hasSuffix("/") ? $0 : nil }
    }
}

/// An object's metadata, as the details screen shows it.
public struct ObjectDetailsState: Sendable {
    public var bucket: String
    public var key: String
    public var info: ObjectInfo?
    public var error: ConsoleError?
}

/// The first part of an object, rendered for reading.
public struct PreviewState: Sendable {
    public var bucket: String
    public var key: String
    public var content: PreviewContent?
    public var error: ConsoleError?
    /// The first line shown.
    public var scroll = 0
}

/// The dialogs of the Buckets panel; each takes the keys while it is open.
public enum BucketsModal: Sendable {
    case createBucket(FormState)
    case confirmDeleteBucket(ConfirmationState)
    /// DeleteBucket said BucketNotEmpty: show the message and offer to empty the bucket first.
    case bucketNotEmpty(bucket: String, error: ConsoleError)
    case confirmEmptyAndDelete(ConfirmationState)
    /// Emptying a bucket, with how many objects are gone so far.
    case emptying(bucket: String, deleted: Int)
    case upload(UploadForm)
    case download(DownloadForm)
    case confirmOverwrite(ConfirmationState, DownloadRequest)
    case createFolder(FormState)
    case confirmDeleteObjects(ConfirmationState, bucket: String, keys: [String])
}

/// The upload form and what the console knows about it beyond its fields.
public struct UploadForm: Sendable {
    public var form: FormState
    /// Whether the person typed a content type (then it is no longer guessed from the path).
    public var contentTypeEdited = false
    public var bucket: String
    /// The path as the last completion left it when there was nothing more to complete: Tab then moves on,
    /// as it does in every other form.
    public var completedPath: String?
}

/// The download form, for one object.
public struct DownloadForm: Sendable {
    public var form: FormState
    public var bucket: String
    public var key: String
    /// Several objects, or folders: what to fetch (keys, folders ending in `/`) and the prefix paths are made from.
    public var items: [String] = []
    public var prefix: String = ""
}

/// An upload to do: a local file or folder, into a bucket under a prefix.
public struct UploadRequest: Sendable, Hashable {
    public var id: Int
    public var bucket: String
    /// As typed (`~` and relative paths are resolved by the effect, against `workingDirectory`).
    public var localPath: String
    public var workingDirectory: String
    public var prefix: String
    /// Nil guesses each file's type from its name.
    public var contentType: String?
}

/// A download to do: one object to a local file.
public struct DownloadRequest: Sendable, Hashable {
    public var id: Int
    public var bucket: String
    public var key: String
    public var localPath: String
    public var workingDirectory: String
    /// Several objects or folders (keys ending in `/`) saved into the folder `localPath`, each at its key less `prefix`;
    /// empty for one object saved as the file `localPath`.
    public var items: [String] = []
    public var prefix: String = ""
    /// What the target check planned for `items`: every object under them, with the local file each goes to.
    public var files: [TransferFile] = []

    public init(id: Int, bucket: String, key: String, localPath: String, workingDirectory: String,
                items: [String] = [], prefix: String = "") {
        self.id = id
        self.bucket = bucket
        self.key = key
        self.localPath = localPath
        self.workingDirectory = workingDirectory
        self.items = items
        self.prefix = prefix
    }

    /// Whether this saves several files into a folder.
    public var isMany: Bool { !items.isEmpty }
}

/// One file of an upload, as planned before the first byte is sent.
public struct TransferFile: Sendable, Hashable {
    public var localPath: String
    public var key: String
    public var size: Int64

    public init(localPath: String, key: String, size: Int64) {
        self.localPath = localPath
        self.key = key
        self.size = size
    }
}

/// An upload or download in progress: per-file and overall progress, with times for the rate.
public struct TransferState: Sendable {
    public enum Kind: Sendable, Hashable { case upload, download }

    public var id: Int
    public var kind: Kind
    /// Where to: `s3://bucket/prefix` or the local path.
    public var destination: String
    /// Empty until the effect has looked at the path.
    public var files: [TransferFile] = []
    public var currentIndex = 0
    public var currentBytes: Int64 = 0
    /// Bytes of the files already finished.
    public var finishedBytes: Int64 = 0
    public var startedAt: Double
    public var cancelling = false
    /// The form to give back if the path turns out to be wrong, so nothing typed is lost.
    public var upload: UploadForm?
    public var download: DownloadForm?

    public var totalBytes: Int64 { files.reduce(0) { $0 + $1.size } }
}
