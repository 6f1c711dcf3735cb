import Foundation

/// Finds themes by name or path. A name is looked up in the caller's search directories, in order,
/// then among the compiled-in copies, so a user theme can shadow a built-in one and a copied binary
/// still works. The application says where to look (see `init(application:environment:executablePath:)`).
public struct ThemeCatalog: Sendable {
    public static let defaultName = "default"
    /// The themes compiled into every build.
    public static let builtinNames = BuiltinThemes.sources.keys.sorted()

    public let searchDirectories: [String]

    public init(searchDirectories: [String]) {
        self.searchDirectories = searchDirectories
    }

    /// The standard search path of an application: its user themes, `$XDG_DATA_HOME/<application>/themes`
    /// (or `~/.local/share/<application>/themes`), then a `Themes/` folder beside (or above) the executable, or the
    /// installed `<prefix>/share/<application>/themes`.
    public init(application: String,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String? = CommandLine.arguments.first) {
        var directories: [String] = []
        if let dataHome = environment["XDG_DATA_HOME"], !dataHome.isEmpty {
            directories.append(dataHome + "/" + application + "/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            directories.append(home + "/.local/share/" + application + "/themes")
        }
        if let executablePath, let themes = Self.packageThemes(near: executablePath, application: application) {
            directories.append(themes)
        }
        self.init(searchDirectories: directories)
    }

    /// Loads `nameOrPath` (a `.toml` path, or a theme name); nil means the default theme.
    public func load(_ nameOrPath: String?) throws(ThemeError) -> Theme {
        let requested = nameOrPath.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultName
        if requested.contains("/") || requested.hasSuffix(".toml") {
            return try Theme(toml: Self.read(requested))
        }
        for directory in searchDirectories {
            let path = directory + "/" + requested + ".toml"
            if FileManager.default.fileExists(atPath: path) {
                return try Theme(toml: Self.read(path))
            }
        }
        guard let source = BuiltinThemes.sources[requested] else {
            throw .notFound(requested, searched: searchDirectories)
        }
        return try Theme(toml: source)
    }

    /// The theme named by a command-line option, else by the environment variable `variable`, else the default.
    public func load(option: String?, variable: String,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws(ThemeError) -> Theme {
        try load(option ?? environment[variable])
    }

    private static func read(_ path: String) throws(ThemeError) -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path)
        }
        return text
    }

    /// `<package>/Themes` for an executable at `<package>/.build/<config>/<name>` (up to four levels up).
    /// A source checkout's `Themes/` beside or above the executable, or an installation's
    /// `<prefix>/share/<application>/themes` for `<prefix>/bin/<application>`.
    private static func packageThemes(near executablePath: String, application: String) -> String? {
        var directory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            for candidate in ["Themes", "share/\(application)/themes"].map({ directory.appendingPathComponent($0).path }) {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                    return candidate
                }
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
