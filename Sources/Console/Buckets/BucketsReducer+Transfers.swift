import CloudEngine
import Foundation
import TerminalUI

/// The Buckets panel's transfers: path completion, progress, and how uploads and downloads end.
extension BucketsReducer {
    /// The transfer results `reduce` routes here.
    static func reduceTransfer(_ s: inout ConsoleState, _ action: BucketsAction) -> [ConsoleEffect] {
        switch action {
        case .pathCompleted(let input, let completed, let candidates):
            guard case .upload(var upload) = s.buckets.modal, upload.form.values.text("path") == input else { return [] }
            upload.form.setText(completed, for: "path")
            // Nothing more to complete: no progress, or one file completed whole. A folder goes on completing inside.
            let done = completed == input || (candidates.count == 1 && !completed.hasSuffix("/"))
            upload.completedPath = done ? completed : nil
            let help: String
            switch candidates.count {
            case 0: help = "Nothing here starts with “\((input as NSString).lastPathComponent)”."
            case 1: help = done ? "Complete · Tab moves on · a folder uploads everything in it"
                : "Tab completes · a folder uploads everything in it"
            default: help = "\(candidates.count) matches: " + candidates.prefix(8).joined(separator: "  ") + (candidates.count > 8 ? "  …" : "")
            }
            upload.form.setHelp(help, for: "path")
            if !upload.contentTypeEdited { upload.form.setText(guessedType(completed), for: "contentType") }
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
            if exists, request.isMany {
                let existing = request.files.filter { FileManager.default.fileExists(atPath: $0.localPath) }.count
                s.buckets.modal = .confirmOverwrite(ConfirmationState(
                    title: "Overwrite files?",
                    message: "\(Formatting.count(existing)) of the \(Formatting.count(request.files.count)) files already exist in \(request.localPath). Replace them?",
                    resourceName: request.localPath, confirmLabel: "Overwrite"), request)
                return []
            }
            if exists {
                s.buckets.modal = .confirmOverwrite(ConfirmationState(
                    title: "Overwrite file?",
                    message: "\(request.localPath) already exists. Replace it with s3://\(request.bucket)/\(request.key)?",
                    resourceName: request.localPath, confirmLabel: "Overwrite"), request)
                return []
            }
            return startDownload(&s, request)
        default:
            return [] // routed elsewhere by `reduce`
        }
    }
}
