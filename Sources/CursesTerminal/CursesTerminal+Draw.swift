import CNCurses
import TerminalUI

extension CursesTerminal {
    /// Writes the cells that changed since the last draw, then lets ncurses send the difference.
    ///
    /// A changed cell also redraws the cell after it, because a wide
    /// character turning narrow (or back) changes what its right half shows.
    public func draw(_ buffer: ScreenBuffer) {
        guard screen != nil else { return }
        checkThread()
        let screenSize = size
        let old = previous.flatMap { $0.size == buffer.size ? $0 : nil }
        if old == nil { werase(cn_stdscr()) }
        let rows = min(buffer.size.height, screenSize.height)
        let columns = min(buffer.size.width, screenSize.width)
        var cchar = cchar_t()
        for y in 0..<rows {
            var carry = false
            let newRow = buffer.row(y)
            let oldRow = old?.row(y)
            for x in 0..<columns {
                let index = newRow.startIndex + x
                let cell = newRow[index]
                let oldCell = oldRow.map { $0[$0.startIndex + x] }
                let changed = oldCell != cell || carry
                carry = changed && (cell.width == 2 || oldCell?.width == 2)
                guard changed, !cell.isContinuation else { continue }
                if cell.width == 2, x + 1 >= columns { continue }
                put(cell, x: x, y: y, into: &cchar)
            }
        }
        if let cursor = buffer.cursor, cursor.x < columns, cursor.y < rows {
            if !cursorVisible { curs_set(1) }
            cursorVisible = true
            wmove(cn_stdscr(), Int32(cursor.y), Int32(cursor.x))
        } else {
            if cursorVisible { curs_set(0) }
            cursorVisible = false
        }
        wnoutrefresh(cn_stdscr())
        doupdate()
        previous = buffer
    }

    private func put(_ cell: Cell, x: Int, y: Int, into cchar: inout cchar_t) {
        let entry = palette.entry(for: cell.role)
        var characters: [wchar_t] = []
        characters.reserveCapacity(6)
        for scalar in cell.text.unicodeScalars.prefix(5) { characters.append(wchar_t(bitPattern: scalar.value)) }
        if characters.isEmpty { characters.append(32) }
        characters.append(0)
        setcchar(&cchar, characters, entry.attributes, entry.pair, nil)
        wmove(cn_stdscr(), Int32(y), Int32(x))
        wadd_wch(cn_stdscr(), &cchar)
    }
}
