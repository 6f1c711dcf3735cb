import Foundation

/// How a process that embeds the local instance hands it to its child processes (`clerk-tui ssh` to each
/// session's portal). Children reach it by URL, but the URL's port is picked at random on every start, so
/// a child told the URL is the embedded instance files its state under `local`, as the embedding process
/// does: a kept token survives a restart.
public enum EmbeddedInstance {
    /// Holds the embedded instance's URL; honoured only when it equals the Frontend API URL in use.
    public static let variable = "CLERK_TUI_EMBEDDED_FRONTEND_API"

    /// What a child's environment needs to reach the embedded instance at `baseURL` and file it as `local`.
    public static func childEnvironment(baseURL: String) -> [String: String] {
        ["CLERK_FRONTEND_API": baseURL, variable: baseURL]
    }

    /// The instance at Frontend API `url`: the embedded one (state key `local`) when `environment` marks
    /// that URL as such, else the instance the URL names.
    public static func instance(frontendAPI url: String, environment: [String: String]) throws(InstanceError) -> Instance {
        let named = try Instance(frontendAPI: url)
        guard let marked = environment[variable], !marked.isEmpty,
              let embedded = try? Instance(frontendAPI: marked), embedded.baseURL == named.baseURL
        else { return named }
        return .local(baseURL: named.baseURL)
    }
}
