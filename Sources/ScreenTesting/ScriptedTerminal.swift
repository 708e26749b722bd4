import TerminalUI

/// A fake terminal for console tests: scripted input, recorded frames.
///
/// `readEvent` hands out the scripted events in order and then returns nil
/// (as a real terminal does on timeout), so a console loop under test runs
/// until the script is used up; every drawn buffer is kept for assertions.
public final class ScriptedTerminal: Terminal {
    public private(set) var size: Size
    public private(set) var frames: [ScreenBuffer] = []
    public private(set) var isStarted = false
    public private(set) var isSuspended = false
    public private(set) var suspendCount = 0
    private var script: [KeyEvent]

    public init(size: Size = Size(width: 120, height: 40), script: [KeyEvent] = []) {
        self.size = size
        self.script = script
    }

    /// The last drawn screen.
    public var lastFrame: ScreenBuffer? { frames.last }
    /// Whether any scripted events are left.
    public var hasPendingInput: Bool { !script.isEmpty }

    /// Adds events to the end of the script.
    public func type(_ events: [KeyEvent]) {
        script.append(contentsOf: events)
    }

    /// Adds each character of `text` as a key press.
    public func type(_ text: String) {
        script.append(contentsOf: text.map { .key(.character($0)) })
    }

    /// Changes the size and queues the resize event a real terminal would send.
    public func resize(to size: Size) {
        self.size = size
        script.append(.resize(size))
    }

    public func start() throws { isStarted = true }
    public func stop() { isStarted = false }

    public func readEvent(timeoutMs: Int) -> KeyEvent? {
        script.isEmpty ? nil : script.removeFirst()
    }

    public func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }

    public func suspend() {
        isSuspended = true
        suspendCount += 1
    }

    public func resume() { isSuspended = false }
}
