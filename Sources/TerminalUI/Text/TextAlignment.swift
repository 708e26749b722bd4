/// Where text sits inside a field wider than the text.
public enum TextAlignment: String, Sendable, Hashable, Codable {
    case left
    case right
    case center

    /// The column offset at which text of `textWidth` starts inside `fieldWidth`.
    public func offset(textWidth: Int, fieldWidth: Int) -> Int {
        let spare = max(0, fieldWidth - textWidth)
        switch self {
        case .left: return 0
        case .right: return spare
        case .center: return spare / 2
        }
    }
}
