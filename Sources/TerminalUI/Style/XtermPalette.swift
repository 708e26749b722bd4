/// The xterm 256-colour palette as RGB, for choosing fallbacks and reading `#rrggbb`.
///
/// Themes are written for 256 colours; terminals with 8 need the nearest
/// basic colour, which is computed rather than hand-written for every role.
enum XtermPalette {
    /// Approximate RGB of palette entry `index` (0-255).
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            return basicRGB[index]
        case 16..<232:
            let i = index - 16
            let steps = [0, 95, 135, 175, 215, 255]
            return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
        default:
            let level = 8 + (min(index, 255) - 232) * 10
            return (level, level, level)
        }
    }

    /// The basic colour (0-7) nearest to palette entry `index`.
    static func nearestBasic(to index: Int) -> NamedColor {
        let target = rgb(index)
        var best = NamedColor.white
        var bestDistance = Int.max
        for candidate in 0..<8 {
            let distance = squaredDistance(target, basicRGB[candidate])
            if distance < bestDistance, let named = NamedColor(index: candidate) {
                best = named
                bestDistance = distance
            }
        }
        return best
    }

    /// The palette entry (16-255) nearest to a `#rrggbb` colour, or nil if `hex` is not one.
    static func index(forHex hex: String) -> Int? {
        guard hex.hasPrefix("#"), hex.count == 7, let value = Int(hex.dropFirst(), radix: 16) else { return nil }
        let target = ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
        var best = 16
        var bestDistance = Int.max
        for index in 16..<256 {
            let distance = squaredDistance(target, rgb(index))
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    private static func squaredDistance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr + dg * dg + db * db
    }

    private static let basicRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
}
