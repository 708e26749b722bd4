import CloudEngine
import Foundation
import TerminalUI

/// The Buckets panel's dialogs: opening them, their keys, what submitting does, and the rules they check.
extension BucketsReducer {
    /// The dialog actions `reduce` routes here.
    static func reduceDialog(_ s: inout ConsoleState, _ action: BucketsAction) -> [ConsoleEffect] {
        switch action {
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
                // S3 refuses to delete a bucket that holds objects: say so now and offer to empty it, rather than
                // ask first and fail as a second step.
                if bucket.objectCount > 0 {
                    s.buckets.modal = .bucketNotEmpty(
                        bucket: bucket.name, error: ConsoleError(EngineError.bucketNotEmpty(bucket.name, objectCount: bucket.objectCount)))
                    return []
                }
                s.buckets.modal = .confirmDeleteBucket(ConfirmationState(
                    title: "Delete bucket", message: "Delete bucket \(bucket.name)? It is empty.", resourceName: bucket.name,
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
            let what = bucket.map { ($0.objectCount == 1 ? "its 1 object" : "all \(Formatting.count($0.objectCount)) objects") + " (\(Formatting.bytes($0.totalSize)))" }
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
            if s.buckets.screen == .objects, let browser = s.buckets.browser {
                let targets = browser.table.actionTargets
                if targets.count > 1 || targets.first?.hasSuffix("/") == true {
                    return downloadManyPressed(&s, bucket: browser.bucket.name, prefix: browser.query.prefix, items: targets)
                }
            }
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
        default:
            return [] // routed elsewhere by `reduce`
        }
    }

    // MARK: - Dialog keys

    static func dialogKey(_ s: inout ConsoleState, _ event: KeyEvent) -> [ConsoleEffect] {
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
            // Tab completes while there is something to complete, then moves on.
            if event.key == .tab, upload.form.focus == 0, upload.form.values.text("path") != upload.completedPath {
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
                    upload.form.setText(guessedType(after.text("path")), for: "contentType")
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
                    workingDirectory: s.workingDirectory, items: download.items, prefix: download.prefix)))
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
                s.toast(request.isMany ? "Download cancelled; nothing in \(request.localPath) was changed."
                        : "Download cancelled; \(request.localPath) was not changed.", kind: .info)
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

    // MARK: - Validators

    static let bucketFormValidator: FormValidator = { values in
        var errors: [String: String] = [:]
        if let rule = BucketName.violation(values.text("name")) { errors["name"] = rule }
        let region = values.text("region").trimmingCharacters(in: .whitespaces)
        if region.isEmpty {
            errors["region"] = "Choose a Region, e.g. us-east-1."
        } else if !AWSRegion.isKnown(region) {
            errors["region"] = "“\(region)” is not an AWS Region; e.g. us-east-1, eu-west-1, ap-northeast-1."
        }
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

    /// `w` on marked rows or a folder: everything under them, into a local folder.
    private static func downloadManyPressed(_ s: inout ConsoleState, bucket: String, prefix: String, items: [String]) -> [ConsoleEffect] {
        let folders = items.filter { $0.hasSuffix("/") }.count
        let objects = items.count - folders
        var parts: [String] = []
        if objects > 0 { parts.append("\(Formatting.count(objects)) object\(objects == 1 ? "" : "s")") }
        if folders > 0 { parts.append("\(folders) folder\(folders == 1 ? "" : "s")") }
        var form = FormState(title: "Download \(parts.joined(separator: " and ")) from s3://\(bucket)/\(prefix)", fields: [
            .text("path", label: "Save into", value: s.workingDirectory,
                  help: "A folder: each object is saved at its key under it (missing folders are made)"),
        ], submitLabel: "Download")
        form.validate(downloadFormValidator)
        s.buckets.modal = .download(DownloadForm(form: form, bucket: bucket, key: "", items: items, prefix: prefix))
        return []
    }

    static let downloadFormValidator: FormValidator = { values in
        values.text("path").trimmingCharacters(in: .whitespaces).isEmpty ? ["path": "Enter where to save the object."] : [:]
    }
}
