/// Word-wrapped text. Words longer than the width are broken by columns.
public struct Paragraph: Hashable, Sendable {
    public var text: String
    public var style: Style
    public var alignment: Alignment

    public init(_ text: String, style: Style = .plain, alignment: Alignment = .leading) {
        self.text = text
        self.style = style
        self.alignment = alignment
    }

    /// The lines `text` wraps to at `width` (explicit newlines kept).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // The line's width is kept as words are added (a split space never joins the next grapheme).
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                let candidateWidth = line.isEmpty ? wordWidth : lineWidth + 1 + wordWidth
                if candidateWidth <= width {
                    line = line.isEmpty ? word : line + " " + word
                    lineWidth = candidateWidth
                    continue
                }
                if !line.isEmpty { lines.append(line); line = "" }
                while wordWidth > width {
                    let (head, headWidth) = DisplayWidth.prefix(of: word, fitting: width)
                    guard !head.isEmpty else { break }
                    lines.append(head)
                    word.removeFirst(head.count)
                    wordWidth -= headWidth
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    public func height(width: Int) -> Int { Self.wrap(text, width: width).count }

    public func render(into buffer: inout Buffer, area: Rect) {
        for (index, line) in Self.wrap(text, width: area.width).prefix(area.height).enumerated() {
            buffer.write(line, in: area.row(index), alignment: alignment, style: style)
        }
    }
}
