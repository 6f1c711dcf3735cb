/// How many colours the terminal can show. Detected once at start from terminfo and the environment.
public enum ColorLevel: Int, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    case mono, ansi8, ansi16, ansi256, truecolor

    public static func < (lhs: ColorLevel, rhs: ColorLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Parses a `--color` value: never/mono, 8, 16, 256, truecolor.
    public init?(name: String) {
        switch name.lowercased() {
        case "mono", "never", "none", "0": self = .mono
        case "8": self = .ansi8
        case "16": self = .ansi16
        case "256": self = .ansi256
        case "truecolor", "24bit", "direct": self = .truecolor
        default: return nil
        }
    }

    /// The level for a terminal: `NO_COLOR` (any non-empty value) wins, then what terminfo reports.
    /// Truecolor only comes from a `-direct` terminfo entry, since ncurses cannot address RGB otherwise.
    public static func detect(environment: [String: String], terminalName: String, hasColors: Bool, colors: Int) -> ColorLevel {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .mono }
        guard hasColors else { return .mono }
        if terminalName.hasSuffix("-direct") && colors > 256 { return .truecolor }
        if colors >= 256 { return .ansi256 }
        if colors >= 16 { return .ansi16 }
        if colors >= 8 { return .ansi8 }
        return .mono
    }

    public var description: String {
        switch self {
        case .mono: "mono"
        case .ansi8: "8"
        case .ansi16: "16"
        case .ansi256: "256"
        case .truecolor: "truecolor"
        }
    }
}
