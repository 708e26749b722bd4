import TerminalUI

/// The group picker inside the pane: "All groups" then every group, marked ones ticked, the cursor's row selected.
struct LogGroupPickerView: Widget {
    var picker: LogGroupPicker

    func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        guard area.height > 0 else { return }
        buffer.write("Space marks · Enter follows what is marked · Esc cancels", in: area.row(0), role: .dim)
        if let error = picker.error {
            buffer.write("✗ " + error.description, in: area.row(1), role: .error)
            return
        }
        guard let groups = picker.groups else {
            buffer.write("Reading the log groups…", in: area.row(1), role: .dim)
            return
        }
        let names = ["All groups (and groups made later)"] + groups
        let height = area.height - 1
        for row in 0..<height {
            let index = picker.top + row
            guard index < names.count else { break }
            let marked = index == 0 ? picker.all : picker.marked.contains(names[index])
            let text = (marked ? "[x] " : "[ ] ") + names[index]
            buffer.write(text, in: area.row(row + 1), role: index == picker.cursor ? .selection : .normal)
        }
        if groups.isEmpty, height > 1 {
            buffer.write("No log groups yet: they appear when a function first runs.", in: area.row(2), role: .dim)
        }
    }
}
