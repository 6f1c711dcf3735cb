import TOMLKit

/// A named mapping from colour roles to colours, loaded from a TOML file (see `Themes/`).
///
/// ```toml
/// name = "dark"
/// [colors]            # every role, "#RRGGBB" or "default" (the terminal's own colour)
/// primary = "#8C6CFF"
/// [ansi]              # optional: the 8/16-colour choice per role, by ANSI name
/// primary = "bright-magenta"
/// ```
public struct Theme: Hashable, Sendable {
    /// One role's colour in a theme file.
    public enum Color: Hashable, Sendable {
        case terminalDefault
        case rgb(RGB)
    }

    public var name: String
    public var colors: [ColorRole: Color]
    /// Palette indices 0-15 chosen by the theme author for 8/16-colour terminals.
    public var ansi: [ColorRole: UInt8]

    public init(name: String, colors: [ColorRole: Color], ansi: [ColorRole: UInt8] = [:]) {
        self.name = name
        self.colors = colors
        self.ansi = ansi
    }

    /// Parses a theme file; every role must be present, unknown keys are errors (typos show up).
    public init(toml: String) throws(ThemeError) {
        let file: ThemeFile
        do {
            file = try TOMLDecoder().decode(ThemeFile.self, from: toml)
        } catch let error as TOMLParseError {
            throw .syntax(line: error.source.begin.line, column: error.source.begin.column)
        } catch {
            throw .invalid(String(describing: error))
        }
        var colors: [ColorRole: Color] = [:]
        for (key, value) in file.colors {
            guard let role = ColorRole(rawValue: key) else { throw .unknownRole(key) }
            if value == "default" {
                colors[role] = .terminalDefault
            } else if let rgb = RGB(hex: value) {
                colors[role] = .rgb(rgb)
            } else {
                throw .badColor(role: key, value: value)
            }
        }
        if let missing = ColorRole.allCases.first(where: { colors[$0] == nil }) {
            throw .missingRole(missing.rawValue)
        }
        var ansi: [ColorRole: UInt8] = [:]
        for (key, value) in file.ansi ?? [:] {
            guard let role = ColorRole(rawValue: key) else { throw .unknownRole(key) }
            guard let index = Palette.ansiNames.firstIndex(of: value) else { throw .badColor(role: key, value: value) }
            ansi[role] = UInt8(index)
        }
        self.init(name: file.name, colors: colors, ansi: ansi)
    }

    /// Turns a style's roles into terminal colours for `level`. Unset colours mean `text` on
    /// `background`. In mono, roles become attributes so no meaning is carried by colour alone.
    public func resolve(_ style: Style, level: ColorLevel) -> ResolvedStyle {
        let foreground = style.foreground ?? .text
        let background = style.background ?? .background
        guard level > .mono else {
            return ResolvedStyle(
                foreground: .terminalDefault, background: .terminalDefault,
                attributes: style.attributes.union(Theme.monoAttributes(foreground: foreground, background: background)))
        }
        var fg = color(for: foreground, level: level)
        let bg = color(for: background, level: level)
        if fg == bg && fg != .terminalDefault {
            // Two roles that collapse onto one palette entry would hide the text.
            let text = color(for: .text, level: level)
            fg = text == bg ? .terminalDefault : text
        }
        return ResolvedStyle(foreground: fg, background: bg, attributes: style.attributes)
    }

    /// The colour of one role at one level (never `.rgb` below truecolor).
    public func color(for role: ColorRole, level: ColorLevel) -> TerminalColor {
        guard case .rgb(let rgb) = colors[role] ?? .terminalDefault else { return .terminalDefault }
        switch level {
        case .mono: return .terminalDefault
        case .ansi8: return .palette(ansi[role].map { $0 % 8 } ?? Palette.nearestANSI(to: rgb, count: 8))
        case .ansi16: return .palette(ansi[role] ?? Palette.nearestANSI(to: rgb, count: 16))
        case .ansi256: return .palette(Palette.nearest256(to: rgb))
        case .truecolor: return .rgb(rgb)
        }
    }

    /// Whether the background is dark (e.g. to draw a QR code's light modules as ink instead).
    public var isDark: Bool {
        guard case .rgb(let background) = colors[.background] else { return false }
        let luminance = 299 * Int(background.red) + 587 * Int(background.green) + 114 * Int(background.blue)
        return luminance < 128_000
    }

    /// What stands in for colour on a monochrome terminal.
    static func monoAttributes(foreground: ColorRole, background: ColorRole) -> Attributes {
        var attributes: Attributes = []
        switch foreground {
        case .primary, .danger, .warning, .success, .focus: attributes.insert(.bold)
        case .muted: attributes.insert(.dim)
        case .text, .background, .input, .border: break
        }
        switch background {
        case .primary, .focus, .danger: attributes.insert(.reverse)
        case .input: attributes.insert(.underline)
        case .text, .muted, .success, .warning, .background, .border: break
        }
        return attributes
    }
}

/// The on-disk shape of a theme.
private struct ThemeFile: Decodable {
    var name: String
    var colors: [String: String]
    var ansi: [String: String]?
}
