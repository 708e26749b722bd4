import TerminalUI

/// Where things go in a user's, group's or role's detail: a three-line summary, the tabs, and the tab's content.
/// The reducers page by the same numbers the views draw.
struct IAMDetailAreas {
    /// What the tab shows below the tabs.
    enum Content {
        /// The permission list over the selected permission's document.
        case permissions(count: Int)
        /// A document alone, under a heading line (a trust policy).
        case document
        /// Anything else: the whole content area.
        case plain
    }

    var summary: Rect
    var tabs: Rect
    var content: Rect
    var list: Rect
    var document: Rect

    init(body: Rect, _ kind: Content) {
        let area = body.inset(left: 1, right: 1)
        (summary, _) = area.splitTop(3)
        tabs = area.inset(top: 4).row(0)
        content = area.inset(top: 6)
        switch kind {
        case .permissions(let count):
            let rows = PermissionsView.listHeight(count: count, content: content)
            (list, document) = content.splitTop(rows)
            document = document.inset(top: 1)
        case .document:
            list = Rect(x: content.x, y: content.y, width: content.width, height: 0)
            document = content.inset(top: 1)
        case .plain:
            list = content
            document = Rect(x: content.x, y: content.maxY, width: content.width, height: 0)
        }
    }
}
