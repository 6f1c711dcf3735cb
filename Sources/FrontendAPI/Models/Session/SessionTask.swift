/// A task the user must finish before a `pending` session becomes `active`: `{"key": "setup-mfa"}`.
public struct SessionTask: Codable, Sendable, Equatable {
    public var key: Key

    public init(key: Key) {
        self.key = key
    }

    /// The kind of task.
    public struct Key: WireString {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let setupMFA: Self = "setup-mfa"
        public static let resetPassword: Self = "reset-password"
        public static let chooseOrganization: Self = "choose-organization"
    }
}
