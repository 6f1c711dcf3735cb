/// Why a theme could not be loaded; the message names the file problem precisely.
public enum ThemeError: Error, Equatable, CustomStringConvertible {
    case syntax(line: Int, column: Int)
    case invalid(String)
    case unknownRole(String)
    case missingRole(String)
    case badColor(role: String, value: String)
    case notFound(String, searched: [String])
    case unreadable(path: String)

    public var description: String {
        switch self {
        case .syntax(let line, let column): "TOML syntax error at line \(line), column \(column)"
        case .invalid(let detail): "invalid theme file: \(detail)"
        case .unknownRole(let key): "unknown colour role \"\(key)\""
        case .missingRole(let key): "missing colour role \"\(key)\""
        case .badColor(let role, let value): "role \"\(role)\": \"\(value)\" is not #RRGGBB, \"default\" or an ANSI name"
        case .notFound(let name, let searched): "no theme named \"\(name)\" (looked in \(searched.joined(separator: ", ")) and the built-in themes)"
        case .unreadable(let path): "cannot read theme file \(path)"
        }
    }
}
