extension Theme {
    /// A theme of attributes only, for `NO_COLOR` and terminals without colour.
    ///
    /// It lives in code, not in `themes/`, because it is the one theme the
    /// console must always have, even when no theme file can be found.
    public static let monochrome: Theme = {
        var styles: [StyleRole: TextStyle] = [:]
        for role in StyleRole.allCases { styles[role] = .plain }
        let bold: [StyleRole] = [.title, .header, .borderFocused, .error, .keyHint, .breadcrumbCurrent,
                                 .fieldLabelFocused, .modalBorder, .logError, .syntaxKeyword, .jsonKey]
        let reverse: [StyleRole] = [.selection, .sidebarSelected, .statusBar, .inputCursor, .buttonFocused,
                                    .progress, .toast, .toastError]
        let underline: [StyleRole] = [.match, .link, .inputFocused, .marked, .selectionInactive]
        let dim: [StyleRole] = [.dim, .placeholder, .logTimestamp, .logDebug, .syntaxComment, .scrollIndicator]
        for role in bold { styles[role]?.bold = true }
        for role in reverse { styles[role]?.reverse = true }
        for role in underline { styles[role]?.underline = true }
        for role in dim { styles[role]?.dim = true }
        styles[.toastError]?.bold = true
        styles[.marked]?.bold = true
        return Theme(name: "monochrome", description: "Attributes only, for NO_COLOR.", styles: styles)
    }()
}
