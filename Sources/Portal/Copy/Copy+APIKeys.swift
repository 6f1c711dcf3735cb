extension Copy {
    /// The APIKeys component on the "API keys" pages of UserProfile and OrganizationProfile (`apiKeys` in Clerk's
    /// en-US, with `userProfile.apiKeysPage` and `organizationProfile.apiKeysPage`).
    public enum APIKeys {
        public static let page = "API keys"
        public static let add = "Add new key"
        public static let empty = "No API keys found"

        // "Add new API key"
        public static let formTitle = "Add new API key"
        public static let formHint = "Provide a name to generate a new key. You’ll be able to revoke it anytime."
        public static let nameLabel = "Secret key name"
        public static let namePlaceholder = "Enter your secret key name"
        public static let expirationLabel = "Expiration"
        public static let neverExpires = "This key will never expire"
        public static func expiring(_ date: String) -> String { "Expiring \(date)" }
        public static let create = "Create key"

        /// The expiry choices, in Clerk's order.
        public static func option(_ expiration: APIKeyExpiration) -> String {
            switch expiration {
            case .never: "Never"
            case .day: "1 Day"
            case .week: "7 Days"
            case .days30: "30 Days"
            case .days60: "60 Days"
            case .days90: "90 Days"
            case .days180: "180 Days"
            case .year: "1 Year"
            }
        }

        // The secret, once
        public static func copyTitle(_ name: String) -> String { "Copy your \"\(name)\" API Key now" }
        public static let copyHint = "For security reasons, we won't allow you to view it again later."
        /// Clerk's copy icon beside the secret has no words; the terminal names it as its authenticator key's.
        public static let copySecret = "Copy key"
        public static let done = "Done"

        // A key's row
        public static func neverExpiring(created: String) -> String { "Created \(created) • Never expires" }
        public static func expiring(created: String, expires: String) -> String { "Created \(created) • Expires \(expires)" }

        // "Revoke key"
        public static func revokeTitle(_ name: String) -> String { "Revoke \"\(name)\" secret key?" }
        public static let revokeHint = "Are you sure you want to delete this Secret key?"
        public static let revokeLabel = "Type \"Revoke\" to confirm"
        public static let revokeConfirmation = "Revoke"
        public static let revoke = "Revoke key"
    }
}
