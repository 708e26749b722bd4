import CNCurses
import Foundation
import TerminalUI

/// The real terminal, through ncursesw: the only code in Overcast that talks to ncurses.
///
/// Not `Sendable`, and it checks that every call comes from the thread
/// that started it: ncurses is not thread-safe, so the console keeps all
/// terminal work on its UI loop and hands results to it from elsewhere.
public final class CursesTerminal: Terminal {
    /// Options fixed at creation.
    public struct Options: Sendable {
        public var mouse: Bool
        public var bracketedPaste: Bool
        public var environment: [String: String]

        public init(mouse: Bool = true, bracketedPaste: Bool = true,
                    environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.mouse = mouse
            self.bracketedPaste = bracketedPaste
            self.environment = environment
        }
    }

    public private(set) var theme: Theme
    public private(set) var colorMode: ColorMode = .none
    let options: Options

    var screen: OpaquePointer?
    var palette: CursesPalette
    var previous: ScreenBuffer?
    var owner: pthread_t?
    var extendedKeys: [Int32: Key] = [:]
    var pasteEnabled = false
    var cursorVisible = false

    /// Key codes bound to the bracketed-paste markers with `define_key`.
    static let pasteBeginCode: Int32 = 0x1000
    static let pasteEndCode: Int32 = 0x1001

    public init(theme: Theme, options: Options = Options()) {
        self.theme = theme
        self.options = options
        self.palette = CursesPalette(theme: theme)
    }

    public var isStarted: Bool { screen != nil }

    // MARK: - Lifecycle

    public func start() throws {
        guard screen == nil else { return }
        owner = pthread_self()
        Self.ensureUTF8Locale()
        set_escdelay(25)
        let term = options.environment["TERM"] ?? "xterm"
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw CursesTerminalError.notATerminal }
        guard let created = newterm(nil, cn_stdout(), cn_stdin()) else {
            throw CursesTerminalError.unknownTerminal(term)
        }
        screen = created
        set_term(created)
        cbreak()
        noecho()
        nonl()
        intrflush(cn_stdscr(), false)
        keypad(cn_stdscr(), true)
        meta(cn_stdscr(), true)
        wtimeout(cn_stdscr(), 100)
        curs_set(0)
        setUpColors()
        setUpKeys()
        if options.mouse {
            mouseinterval(0)
            mousemask(cn_button1_pressed() | cn_button1_released() | cn_button3_pressed()
                      | cn_button4_pressed() | cn_button5_pressed(), nil)
        }
        CrashRestore.install()
        wnoutrefresh(cn_stdscr())
        doupdate()
        if options.bracketedPaste, !["dumb", "linux"].contains(term) {
            Self.writeRaw("\u{1B}[?2004h")
            pasteEnabled = true
        }
    }

    public func stop() {
        guard let current = screen else { return }
        checkThread()
        if pasteEnabled { Self.writeRaw("\u{1B}[?2004l") }
        pasteEnabled = false
        if options.mouse { mousemask(0, nil) }
        curs_set(1)
        endwin()
        CrashRestore.uninstall()
        delscreen(current)
        screen = nil
        previous = nil
        owner = nil
    }

    public func suspend() {
        guard screen != nil else { return }
        checkThread()
        if pasteEnabled { Self.writeRaw("\u{1B}[?2004l") }
        def_prog_mode()
        endwin()
    }

    public func resume() {
        guard screen != nil else { return }
        checkThread()
        reset_prog_mode()
        if pasteEnabled { Self.writeRaw("\u{1B}[?2004h") }
        previous = nil
        clearok(cn_stdscr(), true)
        wrefresh(cn_stdscr())
    }

    /// Switches theme; the next draw repaints everything in the new colours.
    public func setTheme(_ theme: Theme) {
        self.theme = theme
        if screen != nil {
            checkThread()
            setUpColors()
            previous = nil
        }
    }

    public var size: Size {
        guard screen != nil else { return .zero }
        return Size(width: Int(getmaxx(cn_stdscr())), height: Int(getmaxy(cn_stdscr())))
    }

    // MARK: - Setup

    private func setUpColors() {
        let wantsColor = ColorMode.decide(environment: options.environment, hasColors: has_colors(), colors: 256) != .none
        if wantsColor {
            start_color()
            let defaults = use_default_colors() == cn_ok()
            colorMode = ColorMode.decide(environment: options.environment, hasColors: true, colors: Int(cn_colors()))
            if case .palette(let colors) = colorMode {
                palette = CursesPalette(theme: theme, colors: colors, pairs: Int(cn_color_pairs()),
                                        defaultColors: defaults)
                return
            }
        } else {
            colorMode = .none
        }
        palette = CursesPalette(theme: colorMode.effectiveTheme(theme))
    }

    private func setUpKeys() {
        extendedKeys = [:]
        for (name, key) in CursesKeyDecoder.extendedKeyNames {
            guard let sequence = tigetstr(name), Int(bitPattern: sequence) != -1 else { continue }
            let code = key_defined(sequence)
            if code > 0 { extendedKeys[code] = key }
        }
        define_key("\u{1B}[200~", Self.pasteBeginCode)
        define_key("\u{1B}[201~", Self.pasteEndCode)
    }

    // MARK: - Helpers

    /// Traps when called off the thread that started the terminal (debug builds).
    func checkThread() {
        assert(owner.map { pthread_equal($0, pthread_self()) != 0 } ?? true,
               "CursesTerminal used off the UI thread")
    }

    /// Writes bytes straight to the terminal, for modes ncurses does not manage.
    static func writeRaw(_ text: String) {
        fflush(cn_stdout())
        var bytes = Array(text.utf8)
        _ = write(STDOUT_FILENO, &bytes, bytes.count)
    }

    /// Makes sure wide characters can be drawn: the locale's codeset must be UTF-8.
    private static func ensureUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
