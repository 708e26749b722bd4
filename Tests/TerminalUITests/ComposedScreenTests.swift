import Testing
import TerminalUI
import ScreenTesting

/// Whole screens composed the way a console panel does it: layout first, then widgets into regions.
@Suite struct ComposedScreenTests {
    enum Action: Sendable { case open, upload, delete, filter, toggleLog, command, quit, help }

    static let bindings: KeyBindingTable<Action> = [
        KeyBinding("enter", .open, label: "Open", group: "Objects"),
        KeyBinding("u", .upload, label: "Upload", group: "Objects"),
        KeyBinding(["d", "delete"], .delete, label: "Delete", group: "Objects"),
        KeyBinding("/", .filter, label: "Filter", group: "View"),
        KeyBinding("l", .toggleLog, label: "Log", group: "View"),
        KeyBinding(":", .command, label: "Command", group: "General"),
        KeyBinding("q", .quit, label: "Quit", group: "General"),
        KeyBinding("?", .help, label: "Help", group: "General"),
    ]

    static let log: [(String, StyleRole, String)] = [
        ("12:00:01.120", .logInfo, "START RequestId: 5b0a7c Version: $LATEST"),
        ("12:00:01.131", .logDebug, "reading s3://photos/data/2024/01/sales.csv"),
        ("12:00:01.402", .logWarn, "row 17: empty amount, skipped"),
        ("12:00:01.530", .logError, "AccessDenied: s3:PutObject on arn:aws:s3:::reports/q1.json"),
        ("12:00:01.533", .logInfo, "END RequestId: 5b0a7c"),
        ("12:00:01.533", .logInfo, "REPORT RequestId: 5b0a7c Duration: 413.2 ms Billed Duration: 414 ms"),
    ]

    /// The objects panel of a bucket with the log pane and a toast: the console's main screen.
    static func objectsScreen(size: Size, overlay: ((inout ScreenBuffer) -> Void)? = nil) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        guard size.fits(.minimumTerminal) else {
            buffer.render(TooSmallScreen(), in: buffer.bounds)
            return buffer
        }
        let layout = AppLayout.compute(size: size, dockedPane: DockedPane(height: 9))
        buffer.fill(layout.header, role: .statusBar)
        buffer.write(" Overcast · account 000000000000 (root) · us-east-1 · demo.sqlite", in: layout.header,
                     role: .statusBar)
        buffer.render(ListView(items: ["S3", "Lambda", "IAM", "Logs", "STS"], selected: 0, focused: false),
                      in: layout.sidebar.inset(top: 1))
        let main = buffer.drawPanel(layout.main, role: .borderFocused, title: "Objects (8)")
        buffer.render(Breadcrumb(["S3", "photos", "data/"]), in: main.row(0).inset(left: 1))
        let table = Fixtures.objectTable(selecting: 3, marked: ["README.md"], filter: "")
        buffer.render(TableView(state: table, columns: Fixtures.objectColumns, showMarks: true),
                      in: main.inset(top: 1))
        if !layout.docked.isEmpty {
            let inner = buffer.drawPanel(layout.docked, title: "Log · /aws/lambda/etl")
            for (row, entry) in log.suffix(inner.height).enumerated() {
                buffer.write([TextSpan(entry.0 + " ", role: .logTimestamp), TextSpan(entry.2, role: entry.1)],
                             in: inner.row(row).inset(left: 1))
            }
        }
        buffer.render(KeyHintBar(table: bindings), in: layout.footer)
        buffer.render(ToastView(toasts: [Toast("Uploaded sales.csv (1.5 MiB)", kind: .success)]), in: main)
        overlay?(&buffer)
        return buffer
    }

    @Test func objectsAt120x40() {
        assertScreen(Self.objectsScreen(size: Size(width: 120, height: 40)), roles: true)
    }

    @Test func objectsAt80x24() {
        assertScreen(Self.objectsScreen(size: Size(width: 80, height: 24)), roles: true)
    }

    @Test func helpOverObjectsAt80x24() {
        assertScreen(Self.objectsScreen(size: Size(width: 80, height: 24)) { buffer in
            buffer.render(HelpOverlay(title: "Keys: objects", table: Self.bindings), in: buffer.bounds)
        })
    }

    @Test func uploadProgressAt120x40() {
        assertScreen(Self.objectsScreen(size: Size(width: 120, height: 40)) { buffer in
            let state = ProgressState(title: "Uploading", detail: "data/2024/03/sales.csv", completedBytes: 12_582_912,
                                      totalBytes: 52_428_800, elapsedSeconds: 3)
            let frame = Modal<EmptyWidget>.frame(size: Size(width: 64, height: 7), in: buffer.bounds)
            let inner = buffer.drawPanel(frame, style: .rounded, role: .modalBorder, title: state.title)
            buffer.write(state.detail, in: inner.row(1).inset(left: 1, right: 1))
            buffer.render(ProgressBarView(state: state), in: inner.inset(top: 2, left: 1, right: 1))
        })
    }

    @Test func tooSmallAt79x24() {
        assertScreen(Self.objectsScreen(size: Size(width: 79, height: 24)))
    }
}
