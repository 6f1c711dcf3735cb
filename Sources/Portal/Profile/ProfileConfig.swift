import FrontendAPI

/// What the UserProfile pages take from the environment and the runtime.
public struct ProfileConfig: Equatable, Sendable {
    public var applicationName = ""
    public var names = false
    public var username = false
    public var emailAddresses = false
    public var phoneNumbers = false
    public var password = false
    /// Second factors offered under "Add two-step verification".
    public var totp = false
    public var smsCode = false
    public var backupCodes = false
    public var passkeys = false
    /// Whether "Add a passkey" and passkey reverification can reach an authenticator.
    public var passkeyAccess = PasskeyAccess.available
    /// Connected accounts are listed when a social provider is enabled.
    public var connectedAccounts = false
    /// The providers that can be connected: display name and `oauth_…` strategy.
    public var socialProviders: [SocialProvider] = []
    /// Where the provider sends the browser back; without it accounts can be listed and removed, not connected.
    public var oauthRedirectURL: String?
    /// `auth_config.reverification`: sensitive changes reverify instead of asking for the current password.
    public var reverification = false
    /// Files may be read (profile image) and written (backup codes): only when the terminal is local, never
    /// over SSH, where paths would name the server's disk.
    public var localFiles = false
    public var passwordPolicy = PasswordPolicy(.init())
    /// Users may subscribe (Clerk Billing): the Billing page is offered.
    public var billing = false
    /// Users may have API keys (`api_keys_settings.user_api_keys_enabled`): the API keys page is offered.
    public var apiKeys = false

    public init() {}

    public init(environment: Environment, localFiles: Bool, oauthRedirectURL: String? = nil) {
        let settings = environment.userSettings
        applicationName = environment.displayConfig.applicationName
        func enabled(_ name: String) -> Bool { settings.enabledAttribute(name) != nil }
        func secondFactor(_ name: String) -> Bool { settings.enabledAttribute(name)?.usedForSecondFactor == true }
        names = enabled("first_name") || enabled("last_name")
        username = enabled("username")
        emailAddresses = enabled("email_address")
        phoneNumbers = enabled("phone_number")
        password = enabled("password")
        totp = secondFactor("authenticator_app")
        smsCode = secondFactor("phone_number")
        backupCodes = secondFactor("backup_code")
        passkeys = enabled("passkey")
        connectedAccounts = !settings.enabledSocialProviders.isEmpty
        socialProviders = settings.enabledSocialProviders.map { SocialProvider(strategy: Strategy(rawValue: $0.strategy), name: $0.name) }
        self.oauthRedirectURL = oauthRedirectURL
        reverification = environment.authConfig.reverification
        passwordPolicy = PasswordPolicy(settings.passwordSettings)
        billing = BillingConfig(environment: environment).userEnabled
        apiKeys = environment.apiKeysSettings.userAPIKeysEnabled
        self.localFiles = localFiles
    }
}

