import Foundation

/// The XDG base directories clerk-tui files its state (client tokens) and data under.
public enum XDGDirectories {
    /// `$XDG_STATE_HOME/clerk-tui`, defaulting to `~/.local/state/clerk-tui`.
    public static func state(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        base("XDG_STATE_HOME", fallback: ".local/state", environment: environment).appending(path: "clerk-tui")
    }

    /// `$XDG_DATA_HOME/clerk-tui`, defaulting to `~/.local/share/clerk-tui`.
    public static func data(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        base("XDG_DATA_HOME", fallback: ".local/share", environment: environment).appending(path: "clerk-tui")
    }

    /// `$XDG_CONFIG_HOME/clerk-tui`, defaulting to `~/.config/clerk-tui`.
    public static func config(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        base("XDG_CONFIG_HOME", fallback: ".config", environment: environment).appending(path: "clerk-tui")
    }

    private static func base(_ variable: String, fallback: String, environment: [String: String]) -> URL {
        // The spec says relative values are invalid and must be ignored.
        if let value = environment[variable], value.hasPrefix("/") {
            return URL(filePath: value, directoryHint: .isDirectory)
        }
        let home = environment["HOME"].map { URL(filePath: $0, directoryHint: .isDirectory) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appending(path: fallback, directoryHint: .isDirectory)
    }
}
