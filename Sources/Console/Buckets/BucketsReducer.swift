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
            let maxTop = max(0, count - height)
            switch scroll {
            case .lines(let n): preview.scroll += n
            case .pages(let n): preview.scroll += n * max(1, height - 1)
            case .top: preview.scroll = 0
            case .bottom: preview.scroll = maxTop
            }
            preview.scroll = min(max(0, preview.scroll), maxTop)
            s.buckets.preview = preview
            return []

        // MARK: Dialogs
        case .newPressed:
            switch s.buckets.screen {
            case .list:
                var form = FormState(title: "Create bucket", fields: [
                    .text("name", label: "Bucket name", placeholder: "my-bucket",
                          help: "3-63 characters: lowercase letters, numbers, dots and hyphens"),
                    .text("region", label: "Region", value: s.region, help: "Where the bucket lives (AWS Region)"),
                ], submitLabel: "Create bucket")
                form.validate(bucketFormValidator)
                s.buckets.modal = .createBucket(form)
            case .objects:
                var form = FormState(title: "Create folder", fields: [
                    .text("name", label: "Folder name", placeholder: "reports",
                          help: "Saved as a zero-byte object ending in /, as the AWS console does"),
                ], submitLabel: "Create folder")
                form.validate(folderFormValidator)
                s.buckets.modal = .createFolder(form)
            case .details, .preview:
                break
            }
            return []
        case .deletePressed:
            switch s.buckets.screen {
            case .list:
                guard let bucket = s.buckets.selectedBucket else { return [] }
                let size = bucket.objectCount == 0 ? "It is empty."
                    : "It holds \(Formatting.count(bucket.objectCount)) object\(bucket.objectCount == 1 ? "" : "s") (\(Formatting.bytes(bucket.totalSize)))."
                s.buckets.modal = .confirmDeleteBucket(ConfirmationState(
                    title: "Delete bucket", message: "Delete bucket \(bucket.name)? \(size)", resourceName: bucket.name,
                    confirmLabel: "Delete bucket"))
            case .objects:
                guard let browser = s.buckets.browser else { return [] }
                let keys = browser.table.actionTargets
                guard !keys.isEmpty else { return [] }
                let folders = keys.filter { $0.hasSuffix("/") }.count
                let objects = keys.count - folders
                var parts: [String] = []
                if objects > 0 { parts.append("\(Formatting.count(objects)) object\(objects == 1 ? "" : "s")") }
                if folders > 0 { parts.append("\(folders) folder\(folders == 1 ? "" : "s") and everything in \(folders == 1 ? "it" : "them")") }
                let names = keys.prefix(3).map { String($0.dropFirst(browser.query.prefix.count)) }.joined(separator: ", ")
                    + (keys.count > 3 ? ", …" : "")
                let message = "Delete \(parts.joined(separator: " and ")) from s3://\(browser.bucket.name)/\(browser.query.prefix)? (\(names)) This cannot be undone."
                s.buckets.modal = .confirmDeleteObjects(ConfirmationState(
                    title: "Delete \(keys.count == 1 ? "1 item" : "\(Formatting.count(keys.count)) items")", message: message,
                    resourceName: "permanently delete", confirmLabel: "Delete", requireTypedName: folders > 0),
                    bucket: browser.bucket.name, keys: keys)
            case .details, .preview:
                break
            }
            return []
        case .emptyAndDeletePressed:
            guard case .bucketNotEmpty(let name, _) = s.buckets.modal else { return [] }
            let bucket = s.buckets.buckets.first { $0.name == name }
            let what = bucket.map { "all \(Formatting.count($0.objectCount)) object\($0.objectCount == 1 ? "" : "s") (\(Formatting.bytes($0.totalSize)))" }
                ?? "every object"
            s.buckets.modal = .confirmEmptyAndDelete(ConfirmationState(
                title: "Empty and delete bucket",
                message: "Permanently delete \(what) in \(name), then the bucket itself. This cannot be undone.",
                resourceName: name, confirmLabel: "Empty and delete", requireTypedName: true))
            return []
        case .uploadPressed:
            guard let browser = s.buckets.browser else { return [] }
            var form = FormState(title: "Upload to s3://\(browser.bucket.name)/", fields: [
                .text("path", label: "Local path", placeholder: "file or folder, e.g. ./data.csv",
                      help: "Tab completes · a folder uploads everything in it"),
                .text("prefix", label: "Key prefix", value: browser.query.prefix, help: "Folder in the bucket (ends with /)"),
                .text("contentType", label: "Content type", placeholder: "guessed from each file name",
                      help: "Blank guesses from the name (a folder's files are guessed one by one)"),
            ], submitLabel: "Upload")
            form.validate(uploadFormValidator)
            s.buckets.modal = .upload(UploadForm(form: form, bucket: browser.bucket.name))
            return []
        case .downloadPressed:
            guard let (bucket, key) = currentObject(s) else { return [] }
            let name = (key as NSString).lastPathComponent
            var form = FormState(title: "Download s3://\(bucket)/\(key)", fields: [
                .text("path", label: "Save to", value: (s.workingDirectory as NSString).appendingPathComponent(name),
                      help: "A file path, or a folder to save \(name) in"),
            ], submitLabel: "Download")
            form.validate(downloadFormValidator)
            s.buckets.modal = .download(DownloadForm(form: form, bucket: bucket, key: key))
            return []
        case .dialogKeyPressed(let event):
            return dialogKey(&s, event)
        case .createBucketFormSubmitted(let name, let region):
            return [.buckets(.createBucket(name: name, region: region))]
        case .deleteBucketConfirmed(let name):
            s.buckets.modal = nil
            return [.buckets(.deleteBucket(name))]
        case .emptyAndDeleteConfirmed(let name):
            s.buckets.modal = .emptying(bucket: name, deleted: 0)
            return [.buckets(.emptyAndDeleteBucket(name))]
        case .uploadFormSubmitted(let request):
            guard case .upload(let form) = s.buckets.modal else { return [] }
            s.buckets.modal = nil
            s.buckets.transfer = TransferState(id: request.id, kind: .upload,
                                               destination: "s3://\(request.bucket)/\(request.prefix)",
                                               startedAt: s.now, upload: form)
            return [.buckets(.upload(request))]
        case .pathCompletionRequested(let typed):
            return [.buckets(.completePath(typed, workingDirectory: s.workingDirectory))]
        case .downloadFormSubmitted(let request):
            return [.buckets(.checkDownloadTarget(request))]
        case .overwriteConfirmed(let request):
            return startDownload(&s, request)
        case .createFolderFormSubmitted(let key):
            guard let browser = s.buckets.browser else { return [] }
            return [.buckets(.createFolder(bucket: browser.bucket.name, key: key))]
        case .deleteObjectsConfirmed(let bucket, let keys):
            s.buckets.modal = nil
            return [.buckets(.deleteObjects(bucket: bucket, keys: keys))]
        case .transferCancelPressed:
            guard var transfer = s.buckets.transfer else { return [] }
            transfer.cancelling = true
            s.buckets.transfer = transfer
            return [.buckets(.cancelTransfer(transfer.id))]

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
        case .pathCompleted(let input, let completed, let candidates):
            guard case .upload(var upload) = s.buckets.modal, upload.form.values.text("path") == input else { return [] }
            setText(&upload.form, "path", completed)
            let help: String
            switch candidates.count {
            case 0: help = "Nothing here starts with “\((input as NSString).lastPathComponent)”."
            case 1: help = "Tab completes · a folder uploads everything in it"
            default: help = "\(candidates.count) matches: " + candidates.prefix(8).joined(separator: "  ") + (candidates.count > 8 ? "  …" : "")
            }
            setHelp(&upload.form, "path", help)
            if !upload.contentTypeEdited { setText(&upload.form, "contentType", guessedType(completed)) }
            upload.form.validate(uploadFormValidator)
            s.buckets.modal = .upload(upload)
            return []
        case .transferPlanned(let id, let files):
            guard var transfer = s.buckets.transfer, transfer.id == id else { return [] }
            transfer.files = files
            s.buckets.transfer = transfer
            return []
        case .transferProgressed(let id, let index, let bytes):
            guard var transfer = s.buckets.transfer, transfer.id == id else { return [] }
            transfer.currentIndex = index
            transfer.currentBytes = bytes
            s.buckets.transfer = transfer
            return []
        case .transferFileFinished(let id, let index):
            guard var transfer = s.buckets.transfer, transfer.id == id, transfer.files.indices.contains(index) else { return [] }
            transfer.finishedBytes += transfer.files[index].size
            transfer.currentIndex = index + 1
            transfer.currentBytes = 0
            s.buckets.transfer = transfer
            return []
        case .transferFinished(let id, let outcome):
            guard let transfer = s.buckets.transfer, transfer.id == id else { return [] }
            s.buckets.transfer = nil
            s.toast(TransferWording.finished(outcome))
            guard transfer.kind == .upload else { return [] }
            let select = transfer.files.count == 1 ? transfer.files[0].key : nil
            // The change feed refreshes the lists; this reload is for selecting what was uploaded.
            return reloadBrowser(&s, select: select)
        case .transferFailed(let id, let error):
            if let transfer = s.buckets.transfer, transfer.id == id {
                s.buckets.transfer = nil
                if transfer.files.isEmpty, var upload = transfer.upload {
                    // The path was wrong: give the form back with the message, nothing typed is lost.
                    upload.form.setError(error.description, for: "path")
                    upload.form.focus("path")
                    s.buckets.modal = .upload(upload)
                    return []
                }
                s.toast(error)
                return []
            }
            if case .download(var download) = s.buckets.modal {
                download.form.setError(error.description, for: "path")
                s.buckets.modal = .download(download)
                return []
            }
            s.toast(error)
            return []
        case .transferCancelled(let id, let outcome):
            guard s.buckets.transfer?.id == id else { return [] }
            s.buckets.transfer = nil
            s.toast(TransferWording.cancelled(outcome), kind: .warning)
            return []
        case .downloadTargetChecked(let request, let exists):
            guard case .download = s.buckets.modal else { return [] }
            if exists {
                s.buckets.modal = .confirmOverwrite(ConfirmationState(
                    title: "Overwrite file?",
                    message: "\(request.localPath) already exists. Replace it with s3://\(request.bucket)/\(request.key)?",
                    resourceName: request.localPath, confirmLabel: "Overwrite"), request)
                return []
            }
            return startDownload(&s, request)
        }
    }

    // MARK: - Dialog keys

    private static func dialogKey(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
        guard let modal = s.buckets.modal else { return [] }
        switch modal {
        case .createBucket(var form):
            switch form.handle(event, validator: bucketFormValidator) {
            case .submitted(let values):
                s.buckets.modal = .createBucket(form)
                return reduce(&s, .createBucketFormSubmitted(
                    name: values.text("name"), region: values.text("region").trimmingCharacters(in: .whitespaces)))
            case .cancelled:
                s.buckets.modal = nil
            default:
                s.buckets.modal = .createBucket(form)
            }
        case .createFolder(var form):
            switch form.handle(event, validator: folderFormValidator) {
            case .submitted(let values):
                s.buckets.modal = .createFolder(form)
                let prefix = s.buckets.browser?.query.prefix ?? ""
                return reduce(&s, .createFolderFormSubmitted(key: prefix + values.text("name") + "/"))
            case .cancelled:
                s.buckets.modal = nil
            default:
                s.buckets.modal = .createFolder(form)
            }
        case .upload(var upload):
            if event.key == .tab, upload.form.focus == 0 {
                return reduce(&s, .pathCompletionRequested(upload.form.values.text("path")))
            }
            let focused = upload.form.fields[upload.form.focus].id
            let before = upload.form.values
            switch upload.form.handle(event, validator: uploadFormValidator) {
            case .submitted(let values):
                s.buckets.modal = .upload(upload)
                let id = s.buckets.nextTransferID
                s.buckets.nextTransferID += 1
                var prefix = values.text("prefix")
                if !prefix.isEmpty, !prefix.hasSuffix("/") { prefix += "/" }
                let type = values.text("contentType").trimmingCharacters(in: .whitespaces)
                return reduce(&s, .uploadFormSubmitted(UploadRequest(
                    id: id, bucket: upload.bucket, localPath: values.text("path"), workingDirectory: s.workingDirectory,
                    prefix: prefix, contentType: type.isEmpty ? nil : type)))
            case .cancelled:
                s.buckets.modal = nil
                return []
            default:
                let after = upload.form.values
                if focused == "contentType", after.text("contentType") != before.text("contentType") {
                    upload.contentTypeEdited = true
                }
                if focused == "path", !upload.contentTypeEdited, after.text("path") != before.text("path") {
                    setText(&upload.form, "contentType", guessedType(after.text("path")))
                    upload.form.validate(uploadFormValidator)
                }
                s.buckets.modal = .upload(upload)
            }
        case .download(var download):
            switch download.form.handle(event, validator: downloadFormValidator) {
            case .submitted(let values):
                s.buckets.modal = .download(download)
                let id = s.buckets.nextTransferID
                s.buckets.nextTransferID += 1
                return reduce(&s, .downloadFormSubmitted(DownloadRequest(
                    id: id, bucket: download.bucket, key: download.key, localPath: values.text("path"),
                    workingDirectory: s.workingDirectory)))
            case .cancelled:
                s.buckets.modal = nil
            default:
                s.buckets.modal = .download(download)
            }
        case .confirmDeleteBucket(var confirmation):
            switch confirmation.handle(event) {
            case .confirmed: return reduce(&s, .deleteBucketConfirmed(confirmation.resourceName))
            case .cancelled: s.buckets.modal = nil
            default: s.buckets.modal = .confirmDeleteBucket(confirmation)
            }
        case .bucketNotEmpty:
            if event.key == "e" { return reduce(&s, .emptyAndDeletePressed) }
            if event.key == .escape || event.key == "q" || event.key == "n" { s.buckets.modal = nil }
        case .confirmEmptyAndDelete(var confirmation):
            switch confirmation.handle(event) {
            case .confirmed: return reduce(&s, .emptyAndDeleteConfirmed(confirmation.resourceName))
            case .cancelled: s.buckets.modal = nil
            case .refused(let reason): s.toast(reason + ".", kind: .warning)
            default: s.buckets.modal = .confirmEmptyAndDelete(confirmation)
            }
        case .emptying:
            break
        case .confirmOverwrite(var confirmation, let request):
            switch confirmation.handle(event) {
            case .confirmed: return reduce(&s, .overwriteConfirmed(request))
            case .cancelled:
                s.buckets.modal = nil
                s.toast("Download cancelled; \(request.localPath) was not changed.", kind: .info)
            default: s.buckets.modal = .confirmOverwrite(confirmation, request)
            }
        case .confirmDeleteObjects(var confirmation, let bucket, let keys):
            switch confirmation.handle(event) {
            case .confirmed: return reduce(&s, .deleteObjectsConfirmed(bucket: bucket, keys: keys))
            case .cancelled: s.buckets.modal = nil
            case .refused(let reason): s.toast(reason + ".", kind: .warning)
            default: s.buckets.modal = .confirmDeleteObjects(confirmation, bucket: bucket, keys: keys)
            }
        }
        return []
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

    private static func openFolder(_ s: inout ConsoleState, bucket: Bucket, prefix: String, select: String?) -> [ConsoleEffect] {
        let pageSize = ConsoleLayout(s).tablePageSize
        var browser = ObjectBrowserState(bucket: bucket, prefix: prefix)
        if let old = s.buckets.browser, old.bucket.name == bucket.name, old.query.prefix == prefix { browser.query.large = old.query.large }
        browser.selectWhenLoaded = select
        let request = browser.table.reload(pageSize: pageSize)
        s.buckets.browser = browser
        s.filterInput = nil
        return [.buckets(.loadObjects(browser.query, request))]
    }

    private static func reloadBrowser(_ s: inout ConsoleState, select: String?) -> [ConsoleEffect] {
        guard var browser = s.buckets.browser else { return [] }
        let pageSize = ConsoleLayout(s).tablePageSize
        browser.selectWhenLoaded = select
        browser.query.large = nil
        let request = select == nil ? browser.table.refresh(pageSize: pageSize) : browser.table.reload(pageSize: pageSize)
        s.buckets.browser = browser
        return [.buckets(.loadObjects(browser.query, request))]
    }

    private static func refreshBrowser(_ s: inout ConsoleState) -> [ConsoleEffect] {
        guard var browser = s.buckets.browser else { return [] }
        let request = browser.table.refresh(pageSize: ConsoleLayout(s).tablePageSize)
        s.buckets.browser = browser
        return [.buckets(.loadObjects(browser.query, request))]
    }

    private static func startDownload(_ s: inout ConsoleState, _ request: DownloadRequest) -> [ConsoleEffect] {
        var download: DownloadForm?
        if case .download(let form) = s.buckets.modal { download = form }
        s.buckets.modal = nil
        s.buckets.transfer = TransferState(id: request.id, kind: .download, destination: request.localPath,
                                           startedAt: s.now, download: download)
        return [.buckets(.download(request))]
    }

    /// The object the current screen is about: the selected row, the details, or the preview.
    private static func currentObject(_ s: ConsoleState) -> (String, String)? {
        switch s.buckets.screen {
        case .preview: return s.buckets.preview.map { ($0.bucket, $0.key) }
        case .details: return s.buckets.details.map { ($0.bucket, $0.key) }
        case .objects:
            guard let browser = s.buckets.browser, let key = browser.selectedObjectKey else { return nil }
            return (browser.bucket.name, key)
        case .list: return nil
        }
    }

    private static func bucketRow(_ bucket: Bucket) -> TableRow<String> {
        TableRow(id: bucket.name, cells: [bucket.name, bucket.region, ConsoleFormat.dateTime(bucket.createdAt),
                                          Formatting.count(bucket.objectCount), Formatting.bytes(bucket.totalSize)])
    }

    /// Rebuilds the bucket table from `buckets`, keeping the filter and the selected bucket.
    private static func rebuildBucketTable(_ s: inout ConsoleState) {
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
    private static func answerBucketTable(_ s: inout ConsoleState, _ request: PageRequest<String>) {
        let source = InMemoryRowSource(rows: s.buckets.buckets.map(bucketRow))
        s.buckets.bucketTable.receive(source.page(PageRequest(request.position, limit: Int.max / 2, query: request.query)),
                                      for: request)
    }

    private static func guessedType(_ path: String) -> String {
        path.hasSuffix("/") || !(path as NSString).lastPathComponent.contains(".") ? "" : ContentTypes.guess(forKey: path)
    }

    private static func setText(_ form: inout FormState, _ id: String, _ text: String) {
        guard let index = form.fields.firstIndex(where: { $0.id == id }),
              case .text(var input, let placeholder, let secure) = form.fields[index].kind else { return }
        input.setText(text)
        form.fields[index].kind = .text(input, placeholder: placeholder, secure: secure)
    }

    private static func setHelp(_ form: inout FormState, _ id: String, _ help: String) {
        guard let index = form.fields.firstIndex(where: { $0.id == id }) else { return }
        form.fields[index].help = help
    }

    // MARK: - Validators

    static let bucketFormValidator: FormValidator = { values in
        var errors: [String: String] = [:]
        if let rule = BucketName.violation(values.text("name")) { errors["name"] = rule }
        if values.text("region").trimmingCharacters(in: .whitespaces).isEmpty { errors["region"] = "Choose a Region, e.g. us-east-1." }
        return errors
    }

    static let folderFormValidator: FormValidator = { values in
        let name = values.text("name")
        if name.isEmpty { return ["name": "Enter a folder name."] }
        if name.contains("/") { return ["name": "Folder names can't contain “/”; create one folder at a time."] }
        if name == "." || name == ".." { return ["name": "“\(name)” is not a usable folder name."] }
        return [:]
    }

    static let uploadFormValidator: FormValidator = { values in
        var errors: [String: String] = [:]
        if values.text("path").trimmingCharacters(in: .whitespaces).isEmpty {
            errors["path"] = "Enter the path of a local file or folder."
        }
        if values.text("prefix").hasPrefix("/") { errors["prefix"] = "Key prefixes don't start with “/”." }
        return errors
    }

    static let downloadFormValidator: FormValidator = { values in
        values.text("path").trimmingCharacters(in: .whitespaces).isEmpty ? ["path": "Enter where to save the object."] : [:]
    }
}
