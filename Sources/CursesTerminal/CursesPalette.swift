import CNCurses
import TerminalUI

/// Colour pairs and attributes for every role, set up from a theme.
///
/// Each role gets its own pair (role index + 1), so drawing a cell is a
/// table lookup. Must be built on the UI thread after `start_color`.
struct CursesPalette {
    struct Entry {
        var attributes: attr_t
        var pair: Int16
    }

    private var entries: [Entry]

    /// A palette with attributes only (no colour pairs).
    init(theme: Theme) {
        entries = StyleRole.allCases.map { Entry(attributes: Self.attributes(theme.style(for: $0)), pair: 0) }
    }

    /// Builds pairs for `theme` at the terminal's colour count; call with colours started.
    init(theme: Theme, colors: Int, pairs: Int, defaultColors: Bool) {
        self.init(theme: theme)
        for (index, role) in StyleRole.allCases.enumerated() where index + 1 < pairs {
            let style = theme.style(for: role)
            var fg = style.foreground.number(forColorCount: colors)
            var bg = style.background.number(forColorCount: colors)
            if !defaultColors {
                if fg < 0 { fg = 7 }
                if bg < 0 { bg = 0 }
            }
            let pair = Int16(index + 1)
            if init_pair(pair, Int16(fg), Int16(bg)) == cn_ok() { entries[index].pair = pair }
        }
    }

    func entry(for role: StyleRole) -> Entry {
        entries[Self.index(of: role)]
    }

    private static let roleIndex: [StyleRole: Int] =
        Dictionary(uniqueKeysWithValues: StyleRole.allCases.enumerated().map { ($1, $0) })

    private static func index(of role: StyleRole) -> Int {
        roleIndex[role] ?? 0
    }

    private static func attributes(_ style: TextStyle) -> attr_t {
        var value = cn_a_normal()
        if style.bold { value |= cn_a_bold() }
        if style.dim { value |= cn_a_dim() }
        if style.italic { value |= cn_a_italic() }
        if style.underline { value |= cn_a_underline() }
        if style.reverse { value |= cn_a_reverse() }
        return value
    }
}
