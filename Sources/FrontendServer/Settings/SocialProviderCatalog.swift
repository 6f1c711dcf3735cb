/// The social providers an instance may enable, by Clerk's provider id (the strategy is `oauth_<id>`).
enum SocialProviderCatalog {
    /// Display names, as Clerk's components show them.
    static let names: [String: String] = [
        "apple": "Apple", "discord": "Discord", "facebook": "Facebook", "github": "GitHub", "gitlab": "GitLab",
        "google": "Google", "linkedin_oidc": "LinkedIn", "microsoft": "Microsoft", "slack": "Slack", "x": "X",
    ]

    static func name(of provider: String) -> String? { names[provider] }

    /// The provider id of an `oauth_<id>` strategy.
    static func provider(ofStrategy strategy: String) -> String? {
        guard strategy.hasPrefix("oauth_") else { return nil }
        let provider = String(strategy.dropFirst("oauth_".count))
        return names[provider] == nil ? nil : provider
    }
}
