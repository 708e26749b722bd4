import CloudEngine
import Foundation
import TerminalUI

/// Draws the Buckets panel: the bucket list, the object browser, details, preview, and its dialogs.
enum BucketsView {
    static let bucketColumns = [
        TableColumn("Name", width: .flexible(min: 12)),
        TableColumn("Region", width: .fixed(9)),
        TableColumn("Created", width: .fixed(16)),
        TableColumn("Objects", width: .fixed(9), alignment: .right),
        TableColumn("Size", width: .fixed(9), alignment: .right),
    ]

    static let objectColumns = [
        TableColumn("Name", width: .flexible(min: 16)),
        TableColumn("Size", width: .fixed(10), alignment: .right),
        TableColumn("Last modified", width: .fixed(16)),
        TableColumn("Class", width: .fixed(8)),
    ]

    static func title(_ state: ConsoleState) -> String {
        let b = state.buckets
        switch b.screen {
        case .list: return b.bucketsLoaded ? "Buckets (\(b.buckets.count))" : "Buckets"
        case .objects: return "Objects"
        case .details: return "Object details"
        case .preview: return "Preview"
        }
    }

    static func breadcrumb(_ state: ConsoleState) -> [String] {
        var items = ["S3", "Buckets"]
        let b = state.buckets
        if let browser = b.browser {
            items.append(browser.bucket.name)
            items += browser.query.prefix.split(separator: "/").map { $0 + "/" }
        }
        if let key = b.preview?.key ?? b.details?.key {
            let folder = b.browser?.query.prefix ?? ""
            items.append(key.hasPrefix(folder) ? String(key.dropFirst(folder.count)) : key)
        }
        return items
    }

    // MARK: - Panel

    static func drawPanel(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        buffer.render(Breadcrumb(breadcrumb(state)), in: layout.breadcrumb.inset(left: 1))
        let b = state.buckets
        let focused = state.focus == .main && b.modal == nil
        switch b.screen {
        case .list:
            if let error = b.loadError, b.buckets.isEmpty {
                buffer.write("✗ " + error.description, in: layout.body.inset(left: 1).row(1), role: .error)
                return
            }
            let empty = "No buckets yet. Press n to create one."
            buffer.render(TableView(state: b.bucketTable, columns: bucketColumns, focused: focused,
                                    emptyMessage: b.bucketsLoaded ? empty : "Loading buckets…",
                                    loadingMessage: "Loading buckets…"), in: layout.body.inset(left: 1))
        case .objects:
            guard let browser = b.browser else { return }
            if let error = browser.loadError, browser.table.rows.isEmpty {
                buffer.write("✗ " + error.description, in: layout.body.inset(left: 1).row(1), role: .error)
                return
            }
            let empty = browser.query.prefix.isEmpty ? "This bucket is empty. Press u to upload a file or n to create a folder."
                : "This folder is empty. Press u to upload a file here."
            buffer.render(TableView(state: browser.table, columns: objectColumns, focused: focused, showMarks: true,
                                    emptyMessage: empty, loadingMessage: "Loading objects…"), in: layout.body)
        case .details:
            if let details = b.details { drawDetails(&buffer, details, layout.body) }
        case .preview:
            if let preview = b.preview { drawPreview(&buffer, preview, layout.body) }
        }
    }

    static func statusSpans(_ state: ConsoleState) -> [TextSpan] {
        let b = state.buckets
        var spans: [TextSpan] = [TextSpan(" ")]
        switch b.screen {
        case .list:
            let filter = b.bucketTable.query.filter
            if !filter.isEmpty {
                spans += [TextSpan("filter ", role: .dim), TextSpan(filter, role: .match),
                          TextSpan(" · \(b.bucketTable.rows.count) of \(b.buckets.count) · Esc clears", role: .dim)]
            } else if b.bucketsLoaded {
                let objects = b.buckets.reduce(0) { $0 + $1.objectCount }
                let bytes = b.buckets.reduce(Int64(0)) { $0 + $1.totalSize }
                spans.append(TextSpan("\(b.buckets.count) bucket\(b.buckets.count == 1 ? "" : "s") · \(Formatting.count(objects)) object\(objects == 1 ? "" : "s") · \(Formatting.bytes(bytes))", role: .dim))
            }
        case .objects:
            guard let browser = b.browser else { return spans }
            let table = browser.table
            var parts: [String] = []
            if browser.query.large == true {
                parts.append("more than 1,000 entries: paged by key")
                if !table.query.filter.isEmpty { parts.append("filter matches the start of names") }
            } else if table.isLoaded {
                parts.append("\(Formatting.count(table.rows.count)) item\(table.rows.count == 1 ? "" : "s")")
            }
            if let sort = table.query.sort, browser.query.large != true {
                let names = ["name", "size", "last modified"]
                parts.append("sorted by \(names[min(sort.column, 2)]) \(sort.ascending ? "▲" : "▼")")
            }
            if !table.marked.isEmpty { parts.append("\(table.marked.count) marked") }
            if !table.query.filter.isEmpty {
                spans += [TextSpan("filter ", role: .dim), TextSpan(table.query.filter, role: .match), TextSpan(" · ", role: .dim)]
            }
            spans.append(TextSpan("s3://\(browser.bucket.name)/\(browser.query.prefix)", role: .link))
            if !parts.isEmpty { spans.append(TextSpan(" · " + parts.joined(separator: " · "), role: .dim)) }
        case .details:
            if let info = b.details?.info { spans.append(TextSpan(info.s3URI, role: .link)) }
        case .preview:
            guard let preview = b.preview, let content = preview.content else { return spans }
            var text = "\(content.kind.rawValue) · \(content.contentType) · "
            text += content.isTruncated
                ? "first \(Formatting.bytes(Int64(content.shownBytes))) of \(Formatting.bytes(content.totalBytes))"
                : Formatting.bytes(content.totalBytes)
            if !content.lines.isEmpty {
                text += " · line \(Formatting.count(preview.scroll + 1)) of \(Formatting.count(content.lines.count))"
            }
            spans.append(TextSpan(text, role: .dim))
        }
        return spans
    }

    // MARK: - Details and preview

    private static func drawDetails(_ buffer: inout ScreenBuffer, _ details: ObjectDetailsState, _ rect: Rect) {
        let area = rect.inset(top: 1, left: 2, right: 1)
        if let error = details.error {
            buffer.write("✗ " + error.description, in: area.row(0), role: .error)
            return
        }
        guard let info = details.info else {
            buffer.write("Loading…", in: area.row(0), role: .dim)
            return
        }
        var rows: [(String, String)] = [
            ("Key", info.key),
            ("Size", "\(Formatting.bytes(info.size)) (\(Formatting.count(Int(info.size))) bytes)"),
            ("Last modified", ConsoleFormat.fullDateTime(info.lastModified)),
            ("ETag", info.quotedETag),
            ("Content type", info.contentType),
            ("Storage class", info.storageClass),
            ("ARN", info.arn),
            ("S3 URI", info.s3URI),
        ]
        for (name, value) in info.headers.sorted(by: { $0.key < $1.key }) { rows.append((name, value)) }
        let labelWidth = 15
        var y = 0
        for (label, value) in rows where y < area.height {
            buffer.write(label, in: Rect(x: area.x, y: area.y + y, width: labelWidth, height: 1), role: .fieldLabel)
            buffer.write(value, in: Rect(x: area.x + labelWidth, y: area.y + y, width: area.width - labelWidth, height: 1))
            y += 1
        }
        y += 1
        guard y < area.height else { return }
        buffer.write("Metadata", in: area.row(y), role: .title)
        y += 1
        if info.metadata.isEmpty, y < area.height {
            buffer.write("No user metadata (x-amz-meta-*).", in: area.row(y).inset(left: 2), role: .dim)
        }
        for (name, value) in info.metadata.sorted(by: { $0.key < $1.key }) where y < area.height {
            buffer.write("x-amz-meta-" + name, in: Rect(x: area.x + 2, y: area.y + y, width: labelWidth + 10, height: 1),
                         role: .fieldLabel)
            buffer.write(value, in: Rect(x: area.x + labelWidth + 12, y: area.y + y,
                                         width: max(0, area.width - labelWidth - 12), height: 1))
            y += 1
        }
    }

    private static func drawPreview(_ buffer: inout ScreenBuffer, _ preview: PreviewState, _ rect: Rect) {
        let area = rect.inset(left: 1, right: 1)
        if let error = preview.error {
            buffer.write("✗ " + error.description, in: area.row(1), role: .error)
            return
        }
        guard let content = preview.content else {
            buffer.write("Reading the first \(Formatting.bytes(Int64(PreviewContent.readLimit)))…", in: area.row(1), role: .dim)
            return
        }
        if content.lines.isEmpty {
            buffer.write("The object is empty (0 bytes).", in: area.row(1), role: .dim)
            return
        }
        let visible = content.lines.dropFirst(preview.scroll).prefix(area.height)
        let digits = content.numbered ? String(preview.scroll + visible.count).count : 0
        for (offset, line) in visible.enumerated() {
            let row = area.row(offset)
            if content.numbered {
                let number = String(preview.scroll + offset + 1).padded(toWidth: digits, alignment: .right)
                buffer.write([TextSpan(number, role: .dim), TextSpan(" │ ", role: .border)], in: row)
                buffer.write(line, in: row.inset(left: digits + 3))
            } else {
                buffer.write(line, in: row)
            }
        }
        if preview.scroll + visible.count >= content.lines.count, content.isTruncated, visible.count < area.height {
            buffer.write("… preview ends here: the first \(Formatting.bytes(Int64(content.shownBytes))) of \(Formatting.bytes(content.totalBytes)). Press w to download it all.",
                         in: area.row(visible.count), role: .warning)
        }
    }

    // MARK: - Dialogs and transfers

    static func drawOverlays(_ buffer: inout ScreenBuffer, _ state: ConsoleState, _ layout: ConsoleLayout) {
        let b = state.buckets
        // Dialogs centre on the screen between the header and the footer, so they keep their width at 80 columns.
        let area = Rect(x: 0, y: layout.app.header.maxY, width: state.size.width,
                        height: max(0, layout.app.footer.y - layout.app.header.maxY))
        if let transfer = b.transfer, b.modal == nil {
            drawTransfer(&buffer, transfer, now: state.now, in: area)
        }
        guard let modal = b.modal else { return }
        switch modal {
        case .createBucket(let form), .createFolder(let form):
            drawForm(&buffer, form, width: min(86, max(72, area.width - 20)), in: area)
        case .upload(let upload):
            drawForm(&buffer, upload.form, width: 84, in: area)
        case .download(let download):
            drawForm(&buffer, download.form, width: 84, in: area)
        case .confirmDeleteBucket(let confirmation), .confirmEmptyAndDelete(let confirmation),
             .confirmOverwrite(let confirmation, _), .confirmDeleteObjects(let confirmation, _, _):
            buffer.render(ConfirmationView(state: confirmation).modal, in: area)
        case .bucketNotEmpty(let bucket, let error):
            buffer.render(Modal(title: "Bucket not empty", size: Modal<NotEmptyView>.size(forContent: Size(width: 68, height: 6)),
                                content: NotEmptyView(bucket: bucket, error: error)), in: area)
        case .emptying(let bucket, let deleted):
            buffer.render(Modal(title: "Emptying \(bucket)", size: Modal<MessageView>.size(forContent: Size(width: 56, height: 2)),
                                content: MessageView(lines: [
                                    [TextSpan("Deleting every object, then the bucket…")],
                                    [TextSpan("\(Formatting.count(deleted)) objects deleted so far", role: .dim)],
                                ])), in: area)
        }
    }

    private static func drawForm(_ buffer: inout ScreenBuffer, _ form: FormState, width: Int, in area: Rect) {
        buffer.render(FormView(state: form).modal(width: width), in: area)
    }

    private static func drawTransfer(_ buffer: inout ScreenBuffer, _ transfer: TransferState, now: Double, in area: Rect) {
        let verb = transfer.kind == .upload ? "Uploading" : "Downloading"
        let title = "\(verb) to \(transfer.destination)"
        let elapsed = max(0, now - transfer.startedAt)
        var lines: [TransferLine] = []
        if transfer.files.isEmpty {
            lines.append(.text([TextSpan(transfer.kind == .upload ? "Looking at the local files…" : "Starting…", role: .dim)]))
        } else {
            let index = min(transfer.currentIndex, transfer.files.count - 1)
            let file = transfer.files[index]
            let name = transfer.kind == .upload ? file.key : "s3://…/\(file.key)"
            lines.append(.text([TextSpan("File \(index + 1) of \(transfer.files.count): ", role: .dim), TextSpan(name)]))
            lines.append(.progress(ProgressState(title: name, completedBytes: min(transfer.currentBytes, file.size),
                                                 totalBytes: file.size, elapsedSeconds: 0, isCancellable: false)))
            lines.append(.text([]))
            lines.append(.text([TextSpan("Overall", role: .dim)]))
            lines.append(.progress(ProgressState(title: "Overall", completedBytes: transfer.finishedBytes + transfer.currentBytes,
                                                 totalBytes: transfer.totalBytes, elapsedSeconds: elapsed, isCancellable: false)))
        }
        lines.append(.text([]))
        lines.append(.text([TextSpan(transfer.cancelling ? "Cancelling…" : "Esc cancels (nothing half-written is kept)",
                                     role: transfer.cancelling ? .warning : .dim)]))
        let height = lines.reduce(0) { $0 + $1.height }
        buffer.render(Modal(title: title, size: Modal<TransferView>.size(forContent: Size(width: 72, height: height)),
                            content: TransferView(lines: lines)), in: area)
    }
}

/// A line of the transfer dialog: text, or a two-line progress bar.
enum TransferLine {
    case text([TextSpan])
    case progress(ProgressState)

    var height: Int {
        switch self {
        case .text: return 1
        case .progress: return 2
        }
    }
}

struct TransferView: Widget {
    var lines: [TransferLine]

    func render(into buffer: inout ScreenBuffer) {
        var y = 0
        for line in lines {
            switch line {
            case .text(let spans):
                buffer.write(spans, in: buffer.bounds.row(y))
            case .progress(let progress):
                buffer.render(ProgressBarView(state: progress), in: Rect(x: 0, y: y, width: buffer.bounds.width, height: 2))
            }
            y += line.height
        }
    }
}

/// Lines of spans, one per row.
struct MessageView: Widget {
    var lines: [[TextSpan]]

    func render(into buffer: inout ScreenBuffer) {
        for (index, line) in lines.enumerated() { buffer.write(line, in: buffer.bounds.row(index)) }
    }
}

/// DeleteBucket's refusal, word for word, and the way forward.
struct NotEmptyView: Widget {
    var bucket: String
    var error: ConsoleError

    func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        let lines = TextWrap.lines(error.description, width: area.width)
        var y = 0
        for line in lines.prefix(4) {
            buffer.write(line, in: area.row(y), role: .error)
            y += 1
        }
        y += 1
        buffer.write([TextSpan("e  ", role: .keyHint), TextSpan("Empty and delete… (you will type the bucket's name)")],
                     in: area.row(y))
        buffer.write([TextSpan("Esc", role: .keyHint), TextSpan(" Close, keeping the bucket")], in: area.row(y + 1))
    }
}
