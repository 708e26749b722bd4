/// How a column claims horizontal space.
///
/// Fixed columns (sizes, dates) get exactly their width; flexible ones
/// (names, keys) share what is left by weight but never shrink below
/// `min`. When even the minimums do not fit, rightmost columns are hidden
/// rather than squeezed into unreadable slivers.
public enum ColumnWidth: Hashable, Sendable {
    case fixed(Int)
    case flexible(min: Int = 8, weight: Int = 1)

    /// The least width this column needs to be shown.
    public var minimum: Int {
        switch self {
        case .fixed(let width): width
        case .flexible(let min, _): min
        }
    }

    /// The widths (0 = hidden) of `columns` sharing `total` cells with `gap` cells between shown columns.
    public static func layout(_ columns: [ColumnWidth], total: Int, gap: Int = 1) -> [Int] {
        var shown = columns.count
        while shown > 0 {
            let needed = columns[..<shown].reduce(0) { $0 + $1.minimum } + gap * (shown - 1)
            if needed <= total { break }
            shown -= 1
        }
        guard shown > 0 else { return columns.map { _ in 0 } }
        var widths = columns.enumerated().map { index, column in index < shown ? column.minimum : 0 }
        var spare = total - widths.reduce(0, +) - gap * (shown - 1)
        let flexible = (0..<shown).compactMap { index -> (Int, Int)? in
            if case .flexible(_, let weight) = columns[index] { return (index, max(1, weight)) }
            return nil
        }
        let totalWeight = flexible.reduce(0) { $0 + $1.1 }
        if totalWeight > 0, spare > 0 {
            let share = spare
            for (index, weight) in flexible {
                let extra = share * weight / totalWeight
                widths[index] += extra
                spare -= extra
            }
            // Rounding leftovers go to the first flexible columns, one each.
            var i = 0
            while spare > 0 {
                widths[flexible[i % flexible.count].0] += 1
                spare -= 1
                i += 1
            }
        }
        return widths
    }
}
