/// Word wrapping by display width, for messages in dialogs, toasts and help.
public enum TextWrap {
    /// Breaks `text` into lines of at most `width` cells, at spaces where possible.
    ///
    /// Words longer than a line are split by width; existing line breaks are kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let firstLine = result.count
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var wordWidth = word.displayWidth
                if lineWidth > 0, lineWidth + 1 + wordWidth > width {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    if lineWidth > 0 {
                        result.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    var head = word.prefix(fittingWidth: width)
                    if head.isEmpty { head = String(word.prefix(1)) }
                    result.append(head)
                    word = String(word.dropFirst(head.count))
                    wordWidth = word.displayWidth
                }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += wordWidth
            }
            if !line.isEmpty || result.count == firstLine { result.append(line) }
        }
        return result
    }
}
