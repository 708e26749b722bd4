import Testing
import TerminalUI
import ScreenTesting

@Suite struct ChromeTests {
    enum Action: Sendable { case open, delete, upload, download, filter, refresh, quit, help }

    static let table: KeyBindingTable<Action> = [
        KeyBinding("enter", .open, label: "Open", group: "Objects"),
        KeyBinding("u", .upload, label: "Upload", group: "Objects"),
        KeyBinding("D", .download, label: "Download", group: "Objects", disabledReason: "Folders cannot be downloaded"),
        KeyBinding(["d", "delete"], .delete, label: "Delete", help: "Delete the selected or marked objects",
                   group: "Objects"),
        KeyBinding("/", .filter, label: "Filter", group: "View"),
        KeyBinding("ctrl+r", .refresh, label: "Refresh", group: "View", showInFooter: false),
        KeyBinding("q", .quit, label: "Quit", group: "General"),
        KeyBinding("?", .help, label: "Help", group: "General"),
    ]

    func line(_ widget: some Widget, width: Int) -> String {
        var buffer = ScreenBuffer(size: Size(width: width, height: 1))
        buffer.render(widget, in: buffer.bounds)
        return buffer.text
    }

    @Test func breadcrumbDropsTheOldestItemsFirst() {
        let crumb = Breadcrumb(["S3", "photos", "2024/", "summer/", "beach.jpg"])
        #expect(line(crumb, width: 50) == "S3 › photos › 2024/ › summer/ › beach.jpg".padded(toWidth: 50))
        #expect(line(crumb, width: 31) == "… › 2024/ › summer/ › beach.jpg")
        #expect(line(crumb, width: 30) == "… › summer/ › beach.jpg".padded(toWidth: 30))
        #expect(line(crumb, width: 8) == "…ach.jpg")
    }

    @Test func footerDropsWholeHintsButKeepsHelp() {
        #expect(line(KeyHintBar(table: Self.table), width: 80)
                == "Enter Open  u Upload  D Download  d Delete  / Filter  q Quit  ? Help".padded(toWidth: 80))
        #expect(line(KeyHintBar(table: Self.table), width: 40) == "Enter Open  u Upload  D Download  ? Help".padded(toWidth: 40))
        #expect(line(KeyHintBar(table: Self.table), width: 5) == "     ")
    }

    @Test func footerRolesShowDisabledHints() {
        var buffer = ScreenBuffer(size: Size(width: 40, height: 1))
        buffer.render(KeyHintBar(table: Self.table), in: buffer.bounds)
        assertScreen(buffer, roles: true)
    }

    @Test func helpOverlayListsEveryBindingAt80x24() {
        var buffer = ScreenBuffer(size: Size(width: 80, height: 24))
        buffer.render(HelpOverlay(title: "Keys: objects", table: Self.table), in: buffer.bounds)
        assertScreen(buffer, roles: true)
    }

    @Test func toastsStackNewestAtTheBottom() {
        let toasts = [Toast("Uploaded sales.csv (1.5 MiB)", kind: .success, expiresAt: 10),
                      Toast("AccessDenied: user alice is not allowed s3:DeleteObject on arn:aws:s3:::photos/cat.jpg "
                            + "because no identity-based policy allows it", kind: .error)]
        var buffer = ScreenBuffer(size: Size(width: 80, height: 14))
        buffer.render(ToastView(toasts: toasts), in: buffer.bounds)
        assertScreen(buffer)
        #expect(toasts[0].isExpired(at: 10) && !toasts[0].isExpired(at: 9.9))
        #expect(!toasts[1].isExpired(at: 1e9))
    }

    @Test func tooSmallScreenSaysWhatToDo() {
        var buffer = ScreenBuffer(size: Size(width: 60, height: 12))
        buffer.render(TooSmallScreen(), in: buffer.bounds)
        assertScreen(buffer)
        #expect(!Size(width: 60, height: 12).fits(.minimumTerminal))
        #expect(Size(width: 80, height: 24).fits(.minimumTerminal))
    }

    @Test func sidebarList() {
        var buffer = ScreenBuffer(size: Size(width: 20, height: 4))
        buffer.render(ListView(items: ["S3", "Lambda", "IAM", "CloudWatch Logs", "STS"], selected: 3), in: buffer.bounds)
        assertScreen(buffer, roles: true)
    }
}
