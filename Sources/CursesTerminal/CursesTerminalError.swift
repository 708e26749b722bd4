/// Why the terminal could not be taken over, in words a person can act on.
public enum CursesTerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownTerminal(String)
    case notATerminal

    public var description: String {
        switch self {
        case .unknownTerminal(let term):
            return "cannot use terminal type \"\(term)\": it is missing from the terminfo database. "
                + "Try TERM=xterm-256color, or install ncurses-term."
        case .notATerminal:
            return "standard input and output must be a terminal to run the console"
        }
    }
}
