/// A screen and keyboard: what the console loop talks to.
///
/// The console runs against this protocol so its loop can be driven by a
/// scripted fake in tests; `CursesTerminal` is the real one. All calls
/// must come from the one UI thread (implementations are not `Sendable`).
public protocol Terminal: AnyObject {
    /// Takes over the screen (alternate screen, raw keys). Throws if the terminal cannot be used.
    func start() throws
    /// Gives the screen back exactly as it was before `start`.
    func stop()
    /// The current screen size in cells.
    var size: Size { get }
    /// Waits up to `timeoutMs` for input; nil on timeout so the loop can redraw.
    func readEvent(timeoutMs: Int) -> KeyEvent?
    /// Shows `buffer`; only cells that changed since the last draw are sent.
    func draw(_ buffer: ScreenBuffer)
    /// Hands the terminal to a child process (such as `$EDITOR`) until `resume`.
    func suspend()
    /// Takes the terminal back after `suspend` and repaints everything.
    func resume()
}
