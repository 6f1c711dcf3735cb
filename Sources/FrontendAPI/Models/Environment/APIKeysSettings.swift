/// API-key feature switches (`api_keys_settings`).
public struct APIKeysSettings: Codable, Sendable, Equatable {
    public var enabled: Bool
    public var userAPIKeysEnabled: Bool
    public var orgsAPIKeysEnabled: Bool

    /// API keys off.
    public static let disabled = APIKeysSettings(enabled: false, userAPIKeysEnabled: false, orgsAPIKeysEnabled: false)

    public init(enabled: Bool, userAPIKeysEnabled: Bool, orgsAPIKeysEnabled: Bool) {
        self.enabled = enabled
        self.userAPIKeysEnabled = userAPIKeysEnabled
        self.orgsAPIKeysEnabled = orgsAPIKeysEnabled
    }

    enum CodingKeys: String, CodingKey {
        case enabled
        case userAPIKeysEnabled = "user_api_keys_enabled"
        case orgsAPIKeysEnabled = "orgs_api_keys_enabled"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        enabled = try c.decode(.enabled, default: false)
        userAPIKeysEnabled = try c.decode(.userAPIKeysEnabled, default: false)
        orgsAPIKeysEnabled = try c.decode(.orgsAPIKeysEnabled, default: false)
    }
}
