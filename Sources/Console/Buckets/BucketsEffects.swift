import CloudEngine
import Foundation
import TerminalUI

/// The Buckets panel's engine calls, local-file work and transfers, run by the effect runner off the UI thread.
struct BucketsEffects {
    let account: Account
    let caller: Caller
    let send: @Sendable (ConsoleAction) -> Void
    /// Whether the person cancelled the transfer with this id (Esc), asked between chunks.
    let isCancelled: @Sendable (Int) -> Bool

    private func buckets(_ action: BucketsAction) { send(.buckets(action)) }

    func perform(_ effect: BucketsEffect) {
        let storage = account.storage
        switch effect {
        case .listBuckets:
            do { buckets(.bucketsLoaded(try storage.listBuckets(caller: caller))) } catch {
                buckets(.bucketsLoadFailed(ConsoleError(error)))
            }
        case .createBucket(let name, let region):
            do { buckets(.bucketCreated(try storage.createBucket(name, region: region, caller: caller))) } catch {
                buckets(.bucketCreateFailed(ConsoleError(error)))
            }
        case .deleteBucket(let name):
            do {
                try storage.deleteBucket(name, caller: caller)
                buckets(.bucketDeleted(name))
            } catch {
                buckets(.bucketDeleteFailed(name, ConsoleError(error)))
            }
        case .emptyAndDeleteBucket(let name):
            emptyAndDelete(name)
        case .loadObjects(let query, let request):
            let listing = ObjectListing(query: query) { try storage.listObjects(bucket: query.bucket, request: $0, caller: caller) }
            do {
                let (page, large) = try listing.load(request)
                buckets(.objectsLoaded(query, request, page, large: large))
            } catch {
                buckets(.objectsLoadFailed(query, ConsoleError(error)))
            }
        case .loadDetails(let bucket, let key):
            do { buckets(.detailsLoaded(try storage.headObject(bucket: bucket, key: key, caller: caller))) } catch {
                buckets(.detailsLoadFailed(bucket: bucket, key: key, ConsoleError(error)))
            }
        case .loadPreview(let bucket, let key):
            do {
                let info = try storage.headObject(bucket: bucket, key: key, caller: caller)
                var data = Data()
                if info.size > 0 {
                    let last = Int64(min(Int64(PreviewContent.readLimit), info.size) - 1)
                    try storage.getObject(bucket: bucket, key: key, range: .fromTo(0, last), caller: caller) { data.append($0) }
                }
                let content = PreviewContent.make(data: data, key: key, contentType: info.contentType, totalBytes: info.size)
                buckets(.previewLoaded(bucket: bucket, key: key, content))
            } catch {
                buckets(.previewLoadFailed(bucket: bucket, key: key, ConsoleError(error)))
            }
        case .createFolder(let bucket, let key):
            do {
                try storage.putObject(bucket: bucket, key: key, body: DataBodySource(Data()),
                                      options: PutObjectOptions(contentType: "application/x-directory"), caller: caller)
                buckets(.folderCreated(bucket: bucket, key: key))
            } catch {
                buckets(.folderCreateFailed(ConsoleError(error)))
            }
        case .deleteObjects(let bucket, let keys):
            deleteObjects(bucket: bucket, keys: keys)
        case .completePath(let typed, let folder):
            let (completed, candidates) = LocalFiles.complete(typed, workingDirectory: folder)
            buckets(.pathCompleted(input: typed, completed: completed, candidates: candidates))
        case .upload(let request):
            upload(request)
        case .checkDownloadTarget(let request):
            checkDownloadTarget(request)
        case .download(let request):
            download(request)
        case .cancelTransfer:
            break
        }
    }

    /// Deletes every object of a bucket a thousand at a time, then the bucket.
    private func emptyAndDelete(_ name: String) {
        let storage = account.storage
        var deleted = 0
        do {
            while true {
                let page = try storage.listObjects(bucket: name, request: ListObjectsRequest(maxKeys: 1000), caller: caller)
                if page.objects.isEmpty { break }
                let failures = try storage.deleteObjects(bucket: name, keys: page.objects.map(\.key), caller: caller)
                if let (key, error) = failures.first {
                    throw ConsoleError(code: error.code, message: "\(error.message) (deleting \(key); \(deleted) objects were deleted)")
                }
                deleted += page.objects.count
                send(.buckets(.bucketEmptyingProgressed(name, deleted: deleted)))
            }
            try storage.deleteBucket(name, caller: caller)
            send(.buckets(.bucketDeleted(name)))
            reclaimSpace()
        } catch {
            send(.buckets(.bucketDeleteFailed(name, ConsoleError(error))))
        }
    }

    /// Deletes objects, and folders with everything under them.
    private func deleteObjects(bucket: String, keys: [String]) {
        let storage = account.storage
        var count = 0
        var failures: [String: ConsoleError] = [:]
        do {
            var plain: [String] = []
            for key in keys {
                guard key.hasSuffix("/") else {
                    plain.append(key)
                    continue
                }
                var token: String?
                repeat {
                    let page = try storage.listObjects(bucket: bucket, request: ListObjectsRequest(
                        prefix: key, maxKeys: 1000, continuationToken: token), caller: caller)
                    let batch = page.objects.map(\.key)
                    if !batch.isEmpty {
                        let failed = try storage.deleteObjects(bucket: bucket, keys: batch, caller: caller)
                        for (failedKey, error) in failed { failures[failedKey] = ConsoleError(error) }
                        count += batch.count - failed.count
                    }
                    token = page.isTruncated ? page.nextContinuationToken : nil
                    // Keys that failed stay; the token skips past them.
                } while token != nil
            }
            for start in stride(from: 0, to: plain.count, by: 1000) {
                let batch = Array(plain[start..<min(plain.count, start + 1000)])
                let failed = try storage.deleteObjects(bucket: bucket, keys: batch, caller: caller)
                for (failedKey, error) in failed { failures[failedKey] = ConsoleError(error) }
                count += batch.count - failed.count
            }
            send(.buckets(.objectsDeleted(bucket: bucket, count: count, failures: failures)))
            reclaimSpace()
        } catch {
            send(.buckets(.objectsDeleteFailed(ConsoleError(error))))
        }
    }

    // MARK: - Transfers

    private func upload(_ request: UploadRequest) {
        let path = LocalFiles.resolve(request.localPath, workingDirectory: request.workingDirectory)
        let files: [TransferFile]
        do {
            files = try LocalFiles.planUpload(path: path, prefix: request.prefix)
        } catch {
            send(.buckets(.transferFailed(id: request.id, ConsoleError(error))))
            return
        }
        send(.buckets(.transferPlanned(id: request.id, files: files)))
        var done: Int64 = 0
        for (index, file) in files.enumerated() {
            do {
                let source = try FileBodySource(path: file.localPath)
                source.isCancelled = { [isCancelled] in isCancelled(request.id) }
                let options = PutObjectOptions(
                    contentType: files.count == 1 ? request.contentType : nil,
                    progress: { [send] bytes in send(.buckets(.transferProgressed(id: request.id, fileIndex: index, bytes: bytes))) })
                if isCancelled(request.id) { throw CancellationError() }
                try account.storage.putObject(bucket: request.bucket, key: file.key, body: source, options: options, caller: caller)
                done += file.size
                send(.buckets(.transferFileFinished(id: request.id, fileIndex: index)))
            } catch is CancellationError {
                buckets(.transferCancelled(id: request.id, TransferOutcome(
                    direction: .upload(bucket: request.bucket, prefix: request.prefix), keys: files.prefix(index).map(\.key),
                    totalFiles: files.count, bytes: done, interruptedKey: file.key)))
                return
            } catch {
                var failure = ConsoleError(error)
                if files.count > 1 { failure.message += " (\(index) of \(files.count) files were uploaded before it)" }
                send(.buckets(.transferFailed(id: request.id, failure)))
                return
            }
        }
        buckets(.transferFinished(id: request.id, TransferOutcome(
            direction: .upload(bucket: request.bucket, prefix: request.prefix), keys: files.map(\.key), totalFiles: files.count,
            bytes: done, triggeredFunctions: triggeredFunctions(bucket: request.bucket, keys: files.map(\.key)))))
    }

    /// The functions the bucket's notification rules send these keys to.
    private func triggeredFunctions(bucket: String, keys: [String]) -> [String] {
        guard let rules = try? account.storage.notificationConfiguration(bucket: bucket, caller: caller)
            .lambdaFunctionConfigurations else { return [] }
        var names: [String] = []
        for rule in rules where keys.contains(where: { rule.matches(eventName: "ObjectCreated:Put", key: $0) }) {
            let name = rule.functionARN.split(separator: ":").dropFirst(6).first.map(String.init) ?? rule.functionARN
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    private func checkDownloadTarget(_ request: DownloadRequest) {
        if request.isMany { return checkManyTarget(request) }
        var resolved = request
        var path = LocalFiles.resolve(request.localPath, workingDirectory: request.workingDirectory)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            path = (path as NSString).appendingPathComponent((request.key as NSString).lastPathComponent)
        }
        resolved.localPath = path
        let parent = (path as NSString).deletingLastPathComponent
        var parentIsDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsDirectory), parentIsDirectory.boolValue else {
            send(.buckets(.transferFailed(id: request.id, ConsoleError(message:
                "The folder \(parent) does not exist. Create it first or choose another path."))))
            return
        }
        guard access(parent, W_OK) == 0 else {
            send(.buckets(.transferFailed(id: request.id, ConsoleError(message:
                "The folder \(parent) is not writable: permission denied."))))
            return
        }
        var existing = stat()
        let exists = lstat(path, &existing) == 0
        if exists, existing.st_mode & S_IFMT != S_IFREG {
            send(.buckets(.transferFailed(id: request.id, ConsoleError(message:
                "\(path) exists and is not a regular file; choose another path."))))
            return
        }
        send(.buckets(.downloadTargetChecked(resolved, exists: exists)))
    }

    /// Several objects or folders: the folder must be a folder (or not exist yet), and every object under the
    /// items is planned to the file its key names under it.
    private func checkManyTarget(_ request: DownloadRequest) {
        var resolved = request
        let folder = LocalFiles.resolve(request.localPath, workingDirectory: request.workingDirectory)
        resolved.localPath = folder
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            send(.buckets(.transferFailed(id: request.id, ConsoleError(message:
                "\(folder) is a file; several objects are saved into a folder. Choose a folder (it is made if missing)."))))
            return
        }
        do {
            resolved.files = try DownloadPlan.files(request, into: folder) { prefix in
                var keys: [TransferFile] = []
                var after: String?
                repeat {
                    let page = try account.storage.listObjects(
                        bucket: request.bucket, request: ListObjectsRequest(prefix: prefix, maxKeys: 1000, startAfter: after),
                        caller: caller)
                    keys += page.objects.map { TransferFile(localPath: "", key: $0.key, size: $0.size) }
                    after = page.isTruncated ? page.objects.last?.key : nil
                } while after != nil
                return keys
            }
        } catch {
            send(.buckets(.transferFailed(id: request.id, ConsoleError(error))))
            return
        }
        let exists = resolved.files.contains { FileManager.default.fileExists(atPath: $0.localPath) }
        send(.buckets(.downloadTargetChecked(resolved, exists: exists)))
    }

    /// Streams the object into a partial file beside the target, then renames it over the target.
    private func download(_ request: DownloadRequest) {
        if request.isMany { return downloadMany(request) }
        let partial = request.localPath + ".overcast-partial"
        let manager = FileManager.default
        guard manager.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            send(.buckets(.transferFailed(id: request.id, ConsoleError(LocalFileError.writeFailed(
                path: request.localPath, reason: "cannot create \(partial)")))))
            return
        }
        do {
            var written: Int64 = 0
            let info = try account.storage.headObject(bucket: request.bucket, key: request.key, caller: caller)
            send(.buckets(.transferPlanned(id: request.id, files: [
                TransferFile(localPath: request.localPath, key: request.key, size: info.size)])))
            try account.storage.getObject(bucket: request.bucket, key: request.key, caller: caller) { piece in
                if isCancelled(request.id) { throw CancellationError() }
                do { try handle.write(contentsOf: piece) } catch {
                    throw LocalFileError.writeFailed(path: request.localPath, reason: error.localizedDescription)
                }
                written += Int64(piece.count)
                send(.buckets(.transferProgressed(id: request.id, fileIndex: 0, bytes: written)))
            }
            try handle.close()
            if manager.fileExists(atPath: request.localPath) { try manager.removeItem(atPath: request.localPath) }
            try manager.moveItem(atPath: partial, toPath: request.localPath)
            buckets(.transferFinished(id: request.id, TransferOutcome(
                direction: .download(bucket: request.bucket, key: request.key, localPath: request.localPath),
                keys: [request.key], totalFiles: 1, bytes: written)))
        } catch is CancellationError {
            try? handle.close()
            try? manager.removeItem(atPath: partial)
            buckets(.transferCancelled(id: request.id, TransferOutcome(
                direction: .download(bucket: request.bucket, key: request.key, localPath: request.localPath),
                keys: [], totalFiles: 1, bytes: 0)))
        } catch {
            try? handle.close()
            try? manager.removeItem(atPath: partial)
            send(.buckets(.transferFailed(id: request.id, ConsoleError(error))))
        }
    }

    /// Each planned file in turn, each through a partial file renamed into place, so a cancelled or failed download
    /// leaves whole files only.
    private func downloadMany(_ request: DownloadRequest) {
        let direction = TransferOutcome.Direction.download(bucket: request.bucket, key: request.prefix, localPath: request.localPath)
        send(.buckets(.transferPlanned(id: request.id, files: request.files)))
        var done: Int64 = 0
        for (index, file) in request.files.enumerated() {
            do {
                if isCancelled(request.id) { throw CancellationError() }
                try FileManager.default.createDirectory(atPath: (file.localPath as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try fetch(request, key: file.key, to: file.localPath, fileIndex: index)
                done += file.size
                send(.buckets(.transferFileFinished(id: request.id, fileIndex: index)))
            } catch is CancellationError {
                buckets(.transferCancelled(id: request.id, TransferOutcome(direction: direction, keys: request.files.prefix(index).map(\.key),
                                                                           totalFiles: request.files.count, bytes: done,
                                                                           interruptedKey: file.key)))
                return
            } catch {
                var failure = ConsoleError(error)
                failure.message += " (\(file.key); \(index) of \(request.files.count) files were saved before it)"
                send(.buckets(.transferFailed(id: request.id, failure)))
                return
            }
        }
        buckets(.transferFinished(id: request.id, TransferOutcome(direction: direction, keys: request.files.map(\.key),
                                                                  totalFiles: request.files.count, bytes: done)))
    }

    /// One object into `path`, through `path.overcast-partial`.
    private func fetch(_ request: DownloadRequest, key: String, to path: String, fileIndex: Int) throws {
        let partial = path + ".overcast-partial"
        let manager = FileManager.default
        guard manager.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            throw LocalFileError.writeFailed(path: path, reason: "cannot create \(partial)")
        }
        do {
            var written: Int64 = 0
            try account.storage.getObject(bucket: request.bucket, key: key, caller: caller) { piece in
                if isCancelled(request.id) { throw CancellationError() }
                do { try handle.write(contentsOf: piece) } catch {
                    throw LocalFileError.writeFailed(path: path, reason: error.localizedDescription)
                }
                written += Int64(piece.count)
                send(.buckets(.transferProgressed(id: request.id, fileIndex: fileIndex, bytes: written)))
            }
            try handle.close()
            if manager.fileExists(atPath: path) { try manager.removeItem(atPath: path) }
            try manager.moveItem(atPath: partial, toPath: path)
        } catch {
            try? handle.close()
            try? manager.removeItem(atPath: partial)
            throw error
        }
    }

    /// After deleting: the free pages go back to the file system in short slices (on this, the transfer queue),
    /// so the account file shrinks without holding up the console. Failing to reclaim loses nothing.
    private func reclaimSpace() {
        _ = try? account.reclaimFreePages()
    }
}
