import CloudEngine
import Foundation
import TerminalUI

/// What happened in the Buckets panel: key presses by name, and engine results.
public enum BucketsAction: Sendable {
    // MARK: - What the person did
    case table(TableCommand)
    case openPressed
    case newPressed
    case deletePressed
    case previewPressed
    case detailsPressed
    case uploadPressed
    case downloadPressed
    case sortPressed(column: Int)
    case emptyAndDeletePressed
    case filterChanged(String)
    case previewScrolled(PreviewScroll)
    /// A key while a dialog is open; the dialog's widget decides what it means.
    case dialogKeyPressed(KeyEvent)
    case createBucketFormSubmitted(name: String, region: String)
    case deleteBucketConfirmed(String)
    case emptyAndDeleteConfirmed(String)
    case uploadFormSubmitted(UploadRequest)
    case pathCompletionRequested(String)
    case downloadFormSubmitted(DownloadRequest)
    case overwriteConfirmed(DownloadRequest)
    case createFolderFormSubmitted(key: String)
    case deleteObjectsConfirmed(bucket: String, keys: [String])
    case transferCancelPressed

    // MARK: - What the engine (or the file system) answered
    case bucketsLoaded([Bucket])
    case bucketsLoadFailed(ConsoleError)
    case bucketCreated(Bucket)
    case bucketCreateFailed(ConsoleError)
    case bucketDeleted(String)
    case bucketDeleteFailed(String, ConsoleError)
    case bucketEmptyingProgressed(String, deleted: Int)
    case objectsLoaded(ObjectQuery, PageRequest<String>, RowPage<String>, large: Bool)
    case objectsLoadFailed(ObjectQuery, ConsoleError)
    case detailsLoaded(ObjectInfo)
    case detailsLoadFailed(bucket: String, key: String, ConsoleError)
    case previewLoaded(bucket: String, key: String, PreviewContent)
    case previewLoadFailed(bucket: String, key: String, ConsoleError)
    case folderCreated(bucket: String, key: String)
    case folderCreateFailed(ConsoleError)
    case objectsDeleted(bucket: String, count: Int, failures: [String: ConsoleError])
    case objectsDeleteFailed(ConsoleError)
    case pathCompleted(input: String, completed: String, candidates: [String])
    case transferPlanned(id: Int, files: [TransferFile])
    case transferProgressed(id: Int, fileIndex: Int, bytes: Int64)
    case transferFileFinished(id: Int, fileIndex: Int)
    case transferFinished(id: Int, TransferOutcome)
    case transferFailed(id: Int, ConsoleError)
    case transferCancelled(id: Int, TransferOutcome)
    case downloadTargetChecked(DownloadRequest, exists: Bool)
}

/// How the preview moves.
public enum PreviewScroll: Sendable, Hashable {
    case lines(Int)
    case pages(Int)
    case top
    case bottom
}

/// The Buckets panel's work for the effect runner: engine calls, local files and transfers.
public enum BucketsEffect: Sendable, Equatable {
    case listBuckets
    case createBucket(name: String, region: String)
    case deleteBucket(String)
    case emptyAndDeleteBucket(String)
    case loadObjects(ObjectQuery, PageRequest<String>)
    case loadDetails(bucket: String, key: String)
    case loadPreview(bucket: String, key: String)
    case createFolder(bucket: String, key: String)
    case deleteObjects(bucket: String, keys: [String])
    case completePath(String, workingDirectory: String)
    case upload(UploadRequest)
    case checkDownloadTarget(DownloadRequest)
    case download(DownloadRequest)
    case cancelTransfer(Int)
}

/// What a transfer did, as data: the reducer words the toast.
public struct TransferOutcome: Sendable, Equatable {
    public enum Direction: Sendable, Equatable {
        /// Files put into `bucket` under `prefix`.
        case upload(bucket: String, prefix: String)
        /// One object written to `localPath`.
        case download(bucket: String, key: String, localPath: String)
    }

    public var direction: Direction
    /// The keys uploaded (all of them when finished; those done before a cancel otherwise).
    public var keys: [String]
    /// How many files the transfer had in all.
    public var totalFiles: Int
    public var bytes: Int64
    /// The functions the bucket's notifications send these uploads to.
    public var triggeredFunctions: [String] = []
    /// The key being uploaded when the transfer was cancelled (left unchanged).
    public var interruptedKey: String?
}

