/// A single-column list with a selection, such as the services sidebar.
public struct ListView: Widget {
    public var items: [String]
    public var selected: Int?
    public var focused: Bool
    /// Role of unselected items.
    public var role: StyleRole
    public var selectedRole: StyleRole

    public init(items: [String], selected: Int?, focused: Bool = true, role: StyleRole = .sidebar,
                selectedRole: StyleRole = .sidebarSelected) {
        self.items = items
        self.selected = selected
        self.focused = focused
        self.role = role
        self.selectedRole = selectedRole
    }

    public func render(into buffer: inout ScreenBuffer) {
        let area = buffer.bounds
        buffer.fill(area, role: role)
        let top = TableState<Int>.scrollTop(current: 0, selected: selected, count: items.count, height: area.height)
        for (line, index) in (top..<min(items.count, top + area.height)).enumerated() {
            let isSelected = index == selected
            let itemRole = isSelected ? (focused ? selectedRole : .selectionInactive) : role
            buffer.write(" " + items[index], in: area.row(line), role: itemRole, fill: isSelected)
        }
    }
}
