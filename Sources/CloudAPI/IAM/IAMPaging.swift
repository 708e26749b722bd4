import CloudEngine

/// IAM's paging: `MaxItems` (1 to 1,000, 100 when absent) and the `Marker` a truncated page returned.
///
/// The engine returns whole lists (an account holds at most a few thousand of anything), so a page is a slice
/// of one; the marker is the offset of the next item, opaque to clients as IAM's is.
extension QueryCall {
    static let defaultMaxItems = 100
    static let maxItemsLimit = 1000

    /// `<listName><member>…</member>…</listName><IsTruncated>…</IsTruncated>` and, when truncated, `<Marker>`.
    func page<Item>(_ listName: String, _ items: [Item], _ render: (Item) -> String) throws -> String {
        let (slice, trailer) = try pageSlice(items)
        return XMLText.members(listName, slice, render) + trailer
    }

    /// The items of this call's page, and the `IsTruncated` and `Marker` elements that follow them.
    func pageSlice<Item>(_ items: [Item]) throws -> (items: [Item], trailer: String) {
        let maxItems = try integer("MaxItems") ?? Self.defaultMaxItems
        if maxItems < 1 || maxItems > Self.maxItemsLimit {
            let bound = maxItems < 1 ? "greater than or equal to 1" : "less than or equal to \(Self.maxItemsLimit)"
            throw Self.validation("MaxItems", shown: "'\(maxItems)'", constraint: "Member must have value \(bound)")
        }
        var start = 0
        if let marker = optional("Marker") {
            guard let offset = Int(marker), offset >= 0, offset <= items.count else {
                throw EngineError(code: "ValidationError", httpStatus: 400,
                                  message: "Invalid Marker '\(marker)'. Pass the Marker of the previous page's answer unchanged, or leave it out to start again.")
            }
            start = offset
        }
        let end = min(items.count, start + maxItems)
        let truncated = end < items.count
        return (Array(items[start..<end]),
                XMLText.element("IsTruncated", truncated ? "true" : "false") + (truncated ? XMLText.element("Marker", String(end)) : ""))
    }
}
