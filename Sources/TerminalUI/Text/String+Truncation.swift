extension String {
    /// The longest prefix that fits in `width` cells, without splitting a wide character.
    public func prefix(fittingWidth width: Int) -> String {
        var used = 0
        var end = startIndex
        for index in indices {
            let w = self[index].displayWidth
            if used + w > width { break }
            used += w
            end = self.index(after: index)
        }
        return String(self[..<end])
    }

    /// The longest suffix that fits in `width` cells, without splitting a wide character.
    public func suffix(fittingWidth width: Int) -> String {
        var used = 0
        var start = endIndex
        while start > startIndex {
            let previous = index(before: start)
            let w = self[previous].displayWidth
            if used + w > width { break }
            used += w
            start = previous
        }
        return String(self[start...])
    }

    /// The string cut to `width` cells with a trailing ellipsis when it does not fit.
    ///
    /// Long names (object keys, ARNs) must stay recognisable in narrow
    /// columns, and the ellipsis tells the reader that something is missing.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        let room = width - ellipsis.displayWidth
        guard room > 0 else { return ellipsis.prefix(fittingWidth: width) }
        return prefix(fittingWidth: room) + ellipsis
    }

    /// The string cut to `width` cells keeping its end, with a leading ellipsis.
    ///
    /// Paths and breadcrumbs are most informative at their end.
    public func truncatedFromStart(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        let room = width - ellipsis.displayWidth
        guard room > 0 else { return ellipsis.prefix(fittingWidth: width) }
        return ellipsis + suffix(fittingWidth: room)
    }

    /// The string padded with spaces (or cut) to exactly `width` cells.
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let cut = truncated(toWidth: width)
        let w = cut.displayWidth
        let left = alignment.offset(textWidth: w, fieldWidth: width)
        return String(repeating: " ", count: left) + cut + String(repeating: " ", count: max(0, width - w - left))
    }
}
