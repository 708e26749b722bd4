import TerminalUI

/// The toasts a finished or cancelled transfer leaves, worded from what it did.
enum TransferWording {
    static func finished(_ outcome: TransferOutcome) -> String {
        switch outcome.direction {
        case .upload(let bucket, let prefix):
            let single = outcome.keys.count == 1
            let what = single ? outcome.keys[0] : "\(outcome.keys.count) files"
            let destination = single ? "s3://\(bucket)/" : "s3://\(bucket)/\(prefix)"
            var text = "Uploaded \(what) (\(Formatting.bytes(outcome.bytes))) to \(destination)"
            if !outcome.triggeredFunctions.isEmpty {
                text += " · triggers \(outcome.triggeredFunctions.joined(separator: ", ")) (L shows its output)"
            }
            return text
        case .download(let bucket, let key, let localPath):
            if outcome.totalFiles > 1 || key.hasSuffix("/") || key.isEmpty {
                let files = "\(Formatting.count(outcome.keys.count)) file\(outcome.keys.count == 1 ? "" : "s")"
                return "Downloaded \(files) (\(Formatting.bytes(outcome.bytes))) from s3://\(bucket)/\(key) into \(localPath)"
            }
            return "Downloaded s3://\(bucket)/\(key) (\(Formatting.bytes(outcome.bytes))) to \(localPath)"
        }
    }

    static func cancelled(_ outcome: TransferOutcome) -> String {
        switch outcome.direction {
        case .upload:
            let files = "\(outcome.totalFiles) file\(outcome.totalFiles == 1 ? "" : "s")"
            let unchanged = outcome.interruptedKey.map { "; \($0) was not changed" } ?? ""
            return "Upload cancelled: \(outcome.keys.count) of \(files) uploaded\(unchanged)."
        case .download(_, let key, let localPath):
            if outcome.totalFiles > 1 || key.hasSuffix("/") || key.isEmpty {
                return "Download cancelled: \(outcome.keys.count) of \(outcome.totalFiles) files saved in \(localPath); no file is half-written."
            }
            return "Download cancelled; \(localPath) was not changed."
        }
    }
}
