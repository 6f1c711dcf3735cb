/// The instance configuration (`GET /v1/environment`, served **bare**, not enveloped).
///
/// clerk-ios requires `auth_config`, `display_config` and `user_settings`; the other sections fall back to
/// ``OrganizationSettings/disabled`` and friends when absent.
public struct Environment: Codable, Sendable, Equatable {
    public var authConfig: AuthConfig
    public var displayConfig: DisplayConfig
    public var userSettings: UserSettings
    public var organizationSettings: OrganizationSettings
    public var fraudSettings: FraudSettings
    public var commerceSettings: CommerceSettings
    public var apiKeysSettings: APIKeysSettings
    public var protectConfig: ProtectConfig
    public var clientDebugMode: Bool
    public var partitionedCookies: Bool
    public var maintenanceMode: Bool

    public init(
        authConfig: AuthConfig, displayConfig: DisplayConfig, userSettings: UserSettings,
        organizationSettings: OrganizationSettings = .disabled, fraudSettings: FraudSettings = .disabled,
        commerceSettings: CommerceSettings = .disabled, apiKeysSettings: APIKeysSettings = .disabled,
        protectConfig: ProtectConfig = ProtectConfig(), clientDebugMode: Bool = false,
        partitionedCookies: Bool = false, maintenanceMode: Bool = false
    ) {
        self.authConfig = authConfig
        self.displayConfig = displayConfig
        self.userSettings = userSettings
        self.organizationSettings = organizationSettings
        self.fraudSettings = fraudSettings
        self.commerceSettings = commerceSettings
        self.apiKeysSettings = apiKeysSettings
        self.protectConfig = protectConfig
        self.clientDebugMode = clientDebugMode
        self.partitionedCookies = partitionedCookies
        self.maintenanceMode = maintenanceMode
    }

    enum CodingKeys: String, CodingKey {
        case authConfig = "auth_config"
        case displayConfig = "display_config"
        case userSettings = "user_settings"
        case organizationSettings = "organization_settings"
        case fraudSettings = "fraud_settings"
        case commerceSettings = "commerce_settings"
        case apiKeysSettings = "api_keys_settings"
        case protectConfig = "protect_config"
        case clientDebugMode = "client_debug_mode"
        case partitionedCookies = "partitioned_cookies"
        case maintenanceMode = "maintenance_mode"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        authConfig = try c.decode(AuthConfig.self, forKey: .authConfig)
        displayConfig = try c.decode(DisplayConfig.self, forKey: .displayConfig)
        userSettings = try c.decode(UserSettings.self, forKey: .userSettings)
        organizationSettings = try c.decode(.organizationSettings, default: .disabled)
        fraudSettings = try c.decode(.fraudSettings, default: .disabled)
        commerceSettings = try c.decode(.commerceSettings, default: .disabled)
        apiKeysSettings = try c.decode(.apiKeysSettings, default: .disabled)
        protectConfig = try c.decode(.protectConfig, default: ProtectConfig())
        clientDebugMode = try c.decode(.clientDebugMode, default: false)
        partitionedCookies = try c.decode(.partitionedCookies, default: false)
        maintenanceMode = try c.decode(.maintenanceMode, default: false)
    }
}
