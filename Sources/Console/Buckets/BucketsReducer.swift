import CloudEngine
import Foundation
import TerminalUI

/// The Buckets panel's reducer: what each action does to `ConsoleState.buckets`, and the effects it asks for.
enum BucketsReducer {
    static func reduce(_ s: inout ConsoleState, _ action: BucketsAction) -> [ConsoleEffect] {
        let pageSize = ConsoleLayout(s).tablePageSize
        switch action {
        // MARK: Navigation
        case .table(let command):
            switch s.buckets.screen {
            case .list:
                if let request = s.buckets.bucketTable.apply(command, pageSize: pageSize) {
                    answerBucketTable(&s, request)
                }
                return []
            case .objects:
                guard let request = s.buckets.browser?.table.apply(command, pageSize: pageSize),
                      let query = s.buckets.browser?.query else { return [] }
                return [.buckets(.loadObjects(query, request))]
            case .details, .preview:
                return []
            }
        case .openPressed:
            switch s.buckets.screen {
            case .list:
                guard let bucket = s.buckets.selectedBucket else { return [] }
                return openFolder(&s, bucket: bucket, prefix: "", select: nil)
            case .objects:
                guard let browser = s.buckets.browser else { return [] }
                if let folder = browser.selectedFolder {
                    return openFolder(&s, bucket: browser.bucket, prefix: folder, select: nil)
                }
                return reduce(&s, .previewPressed)
            case .details:
                return reduce(&s, .previewPressed)
            case .preview:
                return []
            }
        case .previewPressed:
            guard let (bucket, key) = currentObject(s) else { return [] }
            s.buckets.preview = PreviewState(bucket: bucket, key: key)
            return [.buckets(.loadPreview(bucket: bucket, key: key))]
        case .detailsPressed:
            guard s.buckets.screen == .objects, let (bucket, key) = currentObject(s) else { return [] }
            s.buckets.details = ObjectDetailsState(bucket: bucket, key: key)
            return [.buckets(.loadDetails(bucket: bucket, key: key))]
        case .sortPressed(let column):
            guard var browser = s.buckets.browser else { return [] }
            let request = browser.table.sort(byColumn: column, pageSize: pageSize)
            s.buckets.browser = browser
            return [.buckets(.loadObjects(browser.query, request))]
        case .filterChanged(let text):
            switch s.buckets.screen {
            case .list:
                let request = s.buckets.bucketTable.setFilter(text, pageSize: pageSize)
                answerBucketTable(&s, request)
                return []
            case .objects:
                guard var browser = s.buckets.browser else { return [] }
                let request = browser.table.setFilter(text, pageSize: pageSize)
                s.buckets.browser = browser
                return [.buckets(.loadObjects(browser.query, request))]
            case .details, .preview:
                return []
            }
        case .previewScrolled(let scroll):
            guard var preview = s.buckets.preview else { return [] }
            let height = ConsoleLayout(s).body.height
            let count = preview.content?.lines.count ?? 0
            preview.scroll = scroll.moved(preview.scroll, height: height, maxTop: max(0, count - height))
            s.buckets.preview = preview
            return []

        // MARK: Dialogs and transfers (BucketsReducer+Dialogs, +Transfers)
        case .newPressed, .deletePressed, .emptyAndDeletePressed, .uploadPressed, .downloadPressed,
             .dialogKeyPressed, .createBucketFormSubmitted, .deleteBucketConfirmed, .emptyAndDeleteConfirmed,
             .uploadFormSubmitted, .pathCompletionRequested, .downloadFormSubmitted, .overwriteConfirmed,
             .createFolderFormSubmitted, .deleteObjectsConfirmed, .transferCancelPressed:
            return reduceDialog(&s, action)
        case .pathCompleted, .transferPlanned, .transferProgressed, .transferFileFinished, .transferFinished,
             .transferFailed, .transferCancelled, .downloadTargetChecked:
            return reduceTransfer(&s, action)

        // MARK: Results
        case .bucketsLoaded(let list):
            s.buckets.buckets = list
            s.buckets.bucketsLoaded = true
            s.buckets.loadError = nil
            rebuildBucketTable(&s)
            if var browser = s.buckets.browser, let fresh = list.first(where: { $0.name == browser.bucket.name }) {
                browser.bucket = fresh
                s.buckets.browser = browser
            }
            return []
        case .bucketsLoadFailed(let error):
            s.buckets.loadError = error
            s.buckets.bucketsLoaded = true
            s.toast(error)
            return []
        case .bucketCreated(let bucket):
            if case .createBucket = s.buckets.modal { s.buckets.modal = nil }
            s.toast("Created bucket \(bucket.name) in \(bucket.region).")
            s.buckets.buckets.append(bucket)
            s.buckets.buckets.sort { KeyOrder.precedes($0.name, $1.name) }
            rebuildBucketTable(&s)
            s.buckets.bucketTable.select(id: bucket.name, pageSize: pageSize)
            return [] // the change feed reloads the list
        case .bucketCreateFailed(let error):
            if case .createBucket(var form) = s.buckets.modal {
                form.setError(error.description, for: "name")
                form.focus("name")
                s.buckets.modal = .createBucket(form)
            } else {
                s.toast(error)
            }
            return []
        case .bucketDeleted(let name):
            if case .emptying = s.buckets.modal { s.buckets.modal = nil }
            s.toast("Deleted bucket \(name).")
            s.buckets.buckets.removeAll { $0.name == name }
            rebuildBucketTable(&s)
            return []
        case .bucketDeleteFailed(let name, let error):
            if error.code == "BucketNotEmpty" {
                s.buckets.modal = .bucketNotEmpty(bucket: name, error: error)
            } else {
                s.buckets.modal = nil
                s.toast(error)
            }
            return []
        case .bucketEmptyingProgressed(let name, let deleted):
            s.buckets.modal = .emptying(bucket: name, deleted: deleted)
            return []
        case .objectsLoaded(let query, let request, let page, let large):
            guard var browser = s.buckets.browser, browser.query.bucket == query.bucket,
                  browser.query.prefix == query.prefix else { return [] }
            browser.query.large = large
            browser.loadError = nil
            browser.table.receive(page, for: request)
            if let wanted = browser.selectWhenLoaded, browser.table.pending == nil {
                browser.table.select(id: wanted, pageSize: pageSize)
                browser.selectWhenLoaded = nil
            }
            s.buckets.browser = browser
            return []
        case .objectsLoadFailed(let query, let error):
            guard var browser = s.buckets.browser, browser.query.bucket == query.bucket,
                  browser.query.prefix == query.prefix else { return [] }
            browser.loadError = error
            s.buckets.browser = browser
            s.toast(error)
            return []
        case .detailsLoaded(let info):
            guard var details = s.buckets.details, details.bucket == info.bucket, details.key == info.key else { return [] }
            details.info = info
            s.buckets.details = details
            return []
        case .detailsLoadFailed(let bucket, let key, let error):
            guard var details = s.buckets.details, details.bucket == bucket, details.key == key else { return [] }
            details.error = error
            s.buckets.details = details
            return []
        case .previewLoaded(let bucket, let key, let content):
            guard var preview = s.buckets.preview, preview.bucket == bucket, preview.key == key else { return [] }
            preview.content = content
            s.buckets.preview = preview
            return []
        case .previewLoadFailed(let bucket, let key, let error):
            guard var preview = s.buckets.preview, preview.bucket == bucket, preview.key == key else { return [] }
            preview.error = error
            s.buckets.preview = preview
            return []
        case .folderCreated(let bucket, let key):
            if case .createFolder = s.buckets.modal { s.buckets.modal = nil }
            s.toast("Created folder \(key) in \(bucket).")
            return reloadBrowser(&s, select: key)
        case .folderCreateFailed(let error):
            if case .createFolder(var form) = s.buckets.modal {
                form.setError(error.description, for: "name")
                s.buckets.modal = .createFolder(form)
            } else {
                s.toast(error)
            }
            return []
        case .objectsDeleted(let bucket, let count, let failures):
            s.toast("Deleted \(Formatting.count(count)) object\(count == 1 ? "" : "s") from \(bucket).")
            if let (key, error) = failures.sorted(by: { $0.key < $1.key }).first {
                let more = failures.count > 1 ? " (and \(failures.count - 1) more)" : ""
                s.toast("\(error.description) — \(key) was not deleted\(more).", kind: .error)
            }
            if var browser = s.buckets.browser {
                _ = browser.table.apply(.clearMarks, pageSize: pageSize)
                s.buckets.browser = browser
            }
            return []
        case .objectsDeleteFailed(let error):
            s.toast(error)
            return []
        }
    }

    // MARK: - Shell hooks

    /// Esc: clears the filter, then closes the top screen or goes up a folder.
    static func back(_ s: inout ConsoleState) -> [ConsoleEffect] {
        let pageSize = ConsoleLayout(s).tablePageSize
        if !currentFilter(s).isEmpty { return reduce(&s, .filterChanged("")) }
        switch s.buckets.screen {
        case .preview:
            s.buckets.preview = nil
        case .details:
            s.buckets.details = nil
        case .objects:
            guard let browser = s.buckets.browser else { return [] }
            let prefix = browser.query.prefix
            if prefix.isEmpty {
                s.buckets.browser = nil
                s.buckets.bucketTable.select(id: browser.bucket.name, pageSize: pageSize)
                return [.buckets(.listBuckets)]
            }
            let trimmed = prefix.dropLast()
            let parent = trimmed.lastIndex(of: "/").map { String(trimmed[...$0]) } ?? ""
            return openFolder(&s, bucket: browser.bucket, prefix: parent, select: prefix)
        case .list:
            break
        }
        return []
    }

    /// `r`: reload what is shown.
    static func refresh(_ s: inout ConsoleState) -> [ConsoleEffect] {
        switch s.buckets.screen {
        case .list: return [.buckets(.listBuckets)]
        case .objects: return refreshBrowser(&s) + [.buckets(.listBuckets)]
        case .details:
            guard let d = s.buckets.details else { return [] }
            return [.buckets(.loadDetails(bucket: d.bucket, key: d.key))]
        case .preview:
            guard let p = s.buckets.preview else { return [] }
            return [.buckets(.loadPreview(bucket: p.bucket, key: p.key))]
        }
    }

    /// Another write (ours or another process's) touched buckets or objects: reload what is shown.
    static func accountChanged(_ s: inout ConsoleState, topics: Set<ChangeTopic>) -> [ConsoleEffect] {
        guard s.service == .buckets, !topics.isDisjoint(with: [.buckets, .objects]) else { return [] }
        var effects: [ConsoleEffect] = [.buckets(.listBuckets)]
        if s.buckets.browser?.table.pending == nil, topics.contains(.objects) { effects += refreshBrowser(&s) }
        return effects
    }

    static func currentFilter(_ s: ConsoleState) -> String {
        switch s.buckets.screen {
        case .list: return s.buckets.bucketTable.query.filter
        case .objects: return s.buckets.browser?.table.query.filter ?? ""
        case .details, .preview: return ""
        }
    }

    // MARK: - Helpers

    static func openFolder(_ s: inout ConsoleState, bucket: Bucket, prefix: String, select: String?) -> [ConsoleEffect] {
        let pageSize = ConsoleLayout(s).tablePageSize
        var browser = ObjectBrowserState(bucket: bucket, prefix: prefix)
        if let old = s.buckets.browser, old.bucket.name == bucket.name {
            // Moving between folders keeps the order chosen with N, S or M.
            browser.table.keepSort(old.table.query.sort)
            if old.query.prefix == prefix { browser.query.large = old.query.large }
        }
        browser.selectWhenLoaded = select
        let request = browser.table.reload(pageSize: pageSize)
        s.buckets.browser = browser
        s.filterInput = nil
        return [.buckets(.loadObjects(browser.query, request))]
    }

    static func reloadBrowser(_ s: inout ConsoleState, select: String?) -> [ConsoleEffect] {
        guard var browser = s.buckets.browser else { return [] }
        let pageSize = ConsoleLayout(s).tablePageSize
        browser.selectWhenLoaded = select
        browser.query.large = nil
        let request = select == nil ? browser.table.refresh(pageSize: pageSize) : browser.table.reload(pageSize: pageSize)
        s.buckets.browser = browser
        return [.buckets(.loadObjects(browser.query, request))]
    }

    static func refreshBrowser(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard var browser = s.buckets.browser else { return [] }
        let request = browser.table.refresh(pageSize: ConsoleLayout(s).tablePageSize)
        s.buckets.browser = browser
        return [.buckets(.loadObjects(browser.query, request))]
    }

    static func startDownload(_ s: inout ConsoleState, _ request: DownloadRequest) -> [ConsoleEffect] {
        var download: DownloadForm?
        if case .download(let form) = s.buckets.modal { download = form }
        s.buckets.modal = nil
        s.buckets.transfer = TransferState(id: request.id, kind: .download, destination: request.localPath,
                                           startedAt: s.now, download: download)
        return [.buckets(.download(request))]
    }

    /// The object the current screen is about: the selected row, the details, or the preview.
    static func currentObject(_ s: ConsoleState) -> (String, String)? {
        switch s.buckets.screen {
        case .preview: return s.buckets.preview.map { ($0.bucket, $0.key) }
        case .details: return s.buckets.details.map { ($0.bucket, $0.key) }
        case .objects:
            guard let browser = s.buckets.browser, let key = browser.selectedObjectKey else { return nil }
            return (browser.bucket.name, key)
        case .list: return nil
        }
    }

    static func bucketRow(_ bucket: Bucket) -> TableRow<String> {
        TableRow(id: bucket.name, cells: [bucket.name, bucket.region, ConsoleFormat.dateTime(bucket.createdAt),
                                          Formatting.count(bucket.objectCount), Formatting.bytes(bucket.totalSize)])
    }

    /// Rebuilds the bucket table from `buckets`, keeping the filter and the selected bucket.
    static func rebuildBucketTable(_ s: inout ConsoleState) {
        let pageSize = ConsoleLayout(s).tablePageSize
        let old = s.buckets.bucketTable
        var table = TableState<String>(rows: [])
        let request = table.setFilter(old.query.filter, pageSize: pageSize)
        table.receive(InMemoryRowSource(rows: s.buckets.buckets.map(bucketRow)).page(
            PageRequest(request.position, limit: Int.max / 2, query: request.query)), for: request)
        if let id = old.selectedID { table.select(id: id, pageSize: pageSize) }
        s.buckets.bucketTable = table
    }

    /// Answers a bucket-table request from memory: buckets are few and already loaded.
    static func answerBucketTable(_ s: inout ConsoleState, _ request: PageRequest<String>) {
        let source = InMemoryRowSource(rows: s.buckets.buckets.map(bucketRow))
        s.buckets.bucketTable.receive(source.page(PageRequest(request.position, limit: Int.max / 2, query: request.query)),
                                      for: request)
    }

    static func guessedType(_ path: String) -> String {
        path.hasSuffix("/") || !(path as NSString).lastPathComponent.contains(".") ? "" : ContentTypes.guess(forKey: path)
    }


}
