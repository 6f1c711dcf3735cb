/// Renders a grid as text for golden snapshots (ratatui's TestBackend): the rows between bars,
/// then every run of cells whose style differs from the plain background.
///
/// With a theme, styles are shown as the terminal would get them at `level` ("fg=63 bg=231
/// bold"); without one, as semantic roles ("fg=primary bold").
public enum TestBackend {
    public static func render(_ buffer: Buffer, theme: Theme? = nil, level: ColorLevel = .ansi256) -> String {
        var out = "size \(buffer.size)"
        if let theme { out += " theme \(theme.name) level \(level)" }
        if let cursor = buffer.cursor { out += " cursor \(cursor.x),\(cursor.y)" }
        out += "\n"
        for line in buffer.lines() { out += "|" + line + "|\n" }
        out += "styles:\n"
        for y in 0..<buffer.size.height {
            let runs = styleRuns(buffer, row: y, theme: theme, level: level)
            if !runs.isEmpty { out += "\(y): " + runs.joined(separator: "; ") + "\n" }
        }
        return out
    }

    private static func styleRuns(_ buffer: Buffer, row y: Int, theme: Theme?, level: ColorLevel) -> [String] {
        let describe: (Style) -> String? = { style in
            if let theme {
                let resolved = theme.resolve(style, level: level)
                return resolved == theme.resolve(.plain, level: level) ? nil : describeResolved(resolved)
            }
            return style == .plain ? nil : describeRoles(style)
        }
        var runs: [String] = []
        var start = 0
        var current: String?
        for x in 0...buffer.size.width {
            let label = x < buffer.size.width ? describe(buffer[x, y].style) : nil
            if x < buffer.size.width && label == current { continue }
            if let current { runs.append("\(start)-\(x - 1) \(current)") }
            start = x
            current = label
        }
        return runs
    }

    private static func describeRoles(_ style: Style) -> String {
        var parts: [String] = []
        if let foreground = style.foreground { parts.append("fg=\(foreground.rawValue)") }
        if let background = style.background { parts.append("bg=\(background.rawValue)") }
        return (parts + style.attributes.names).joined(separator: " ")
    }

    private static func describeResolved(_ style: ResolvedStyle) -> String {
        (["fg=\(style.foreground)", "bg=\(style.background)"] + style.attributes.names).joined(separator: " ")
    }
}
