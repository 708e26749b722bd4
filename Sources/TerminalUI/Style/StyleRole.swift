/// What a piece of text means, which a theme turns into colours.
///
/// Views never name colours: they name roles, so a theme (or `NO_COLOR`)
/// can restyle every screen without touching view code, and goldens can
/// record meaning (one letter per role) instead of escape sequences.
/// Raw values are the keys used in theme files.
public enum StyleRole: String, CaseIterable, Sendable, Hashable, Codable {
    // MARK: - Text
    case normal
    case dim
    case title
    case header
    case statusBar
    case link

    // MARK: - Frames
    case border
    case borderFocused
    case modalBorder
    case scrollIndicator

    // MARK: - Lists and tables
    case selection
    case selectionInactive
    case marked
    case match

    // MARK: - Status
    case error
    case warning
    case success
    case info

    // MARK: - Navigation
    case keyHint
    case keyHintLabel
    case breadcrumb
    case breadcrumbCurrent
    case sidebar
    case sidebarSelected

    // MARK: - Input
    case fieldLabel
    case fieldLabelFocused
    case input
    case inputFocused
    case inputCursor
    case placeholder
    case button
    case buttonFocused

    // MARK: - Feedback
    case progress
    case progressTrack
    case toast
    case toastError

    // MARK: - Logs
    case logTimestamp
    case logDebug = "log.debug"
    case logInfo = "log.info"
    case logWarn = "log.warn"
    case logError = "log.error"

    // MARK: - Code
    case syntaxKeyword = "syntax.keyword"
    case syntaxString = "syntax.string"
    case syntaxComment = "syntax.comment"
    case syntaxNumber = "syntax.number"
    case syntaxPunctuation = "syntax.punctuation"
    case jsonKey = "json.key"

    /// One character standing for this role in the role layer of a golden.
    ///
    /// `normal` is `.` so the interesting roles stand out.
    public var letter: Character {
        switch self {
        case .normal: "."
        case .dim: "d"
        case .title: "t"
        case .header: "h"
        case .statusBar: "z"
        case .link: "l"
        case .border: "b"
        case .borderFocused: "B"
        case .modalBorder: "M"
        case .scrollIndicator: "r"
        case .selection: "s"
        case .selectionInactive: "S"
        case .marked: "m"
        case .match: "f"
        case .error: "e"
        case .warning: "w"
        case .success: "g"
        case .info: "i"
        case .keyHint: "k"
        case .keyHintLabel: "K"
        case .breadcrumb: "c"
        case .breadcrumbCurrent: "C"
        case .sidebar: "a"
        case .sidebarSelected: "A"
        case .fieldLabel: "y"
        case .fieldLabelFocused: "Y"
        case .input: "u"
        case .inputFocused: "U"
        case .inputCursor: "_"
        case .placeholder: "x"
        case .button: "v"
        case .buttonFocused: "V"
        case .progress: "p"
        case .progressTrack: "q"
        case .toast: "o"
        case .toastError: "O"
        case .logTimestamp: "T"
        case .logDebug: "1"
        case .logInfo: "2"
        case .logWarn: "3"
        case .logError: "4"
        case .syntaxKeyword: "5"
        case .syntaxString: "6"
        case .syntaxComment: "7"
        case .syntaxNumber: "8"
        case .syntaxPunctuation: "9"
        case .jsonKey: "j"
        }
    }
}
