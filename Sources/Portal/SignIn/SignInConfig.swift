import FrontendAPI

/// What the sign-in flow takes from the environment and the runtime.
public struct SignInConfig: Equatable, Sendable {
    public var applicationName: String
    /// The identifier field's kinds, in the order "Use phone" / "Use email" cycles through them.
    public var identifierKinds: [IdentifierKind]
    /// `password` or `otp` (`display_config.preferred_sign_in_strategy`).
    public var preferredStrategy: String
    /// Whether the start card also offers a password field.
    public var instantPassword: Bool
    /// Sign-in-or-up on one screen: an unknown identifier moves on to sign-up.
    public var combinedFlow: Bool
    public var signUpMode: UserSettings.SignUp.Mode
    public var supportEmail: String?
    /// Where email links land (`redirect_url` of an `email_link` prepare).
    public var emailLinkRedirectURL: String?
    public var passwordPolicy: PasswordPolicy
    public var isDevelopment: Bool
    /// Social providers offered as "Continue with …" (only with an `oauthRedirectURL`).
    public var socialProviders: [SocialProvider]
    /// Where the provider sends the browser back (`redirect_url` of an OAuth sign-in).
    public var oauthRedirectURL: String?
    /// `client.last_authentication_strategy`, for the "Last used" badge.
    public var lastAuthenticationStrategy: String?
    /// "Use passkey instead" on the start card (`attributes.passkey` and `passkey_settings.show_sign_in_button`).
    public var passkeyButton = false
    /// Whether a passkey can reach an authenticator here; over SSH passkeys are neither offered nor chosen first.
    public var passkeyAccess = PasskeyAccess.available

    public init(
        applicationName: String, identifierKinds: [IdentifierKind], preferredStrategy: String = "password",
        instantPassword: Bool = false, combinedFlow: Bool = true, signUpMode: UserSettings.SignUp.Mode = .public,
        supportEmail: String? = nil, emailLinkRedirectURL: String? = nil,
        passwordPolicy: PasswordPolicy = PasswordPolicy(.init()), isDevelopment: Bool = false,
        socialProviders: [SocialProvider] = [], oauthRedirectURL: String? = nil
    ) {
        self.applicationName = applicationName
        self.identifierKinds = identifierKinds.isEmpty ? [.emailOrUsername] : identifierKinds
        self.preferredStrategy = preferredStrategy
        self.instantPassword = instantPassword
        self.combinedFlow = combinedFlow
        self.signUpMode = signUpMode
        self.supportEmail = supportEmail
        self.emailLinkRedirectURL = emailLinkRedirectURL
        self.passwordPolicy = passwordPolicy
        self.isDevelopment = isDevelopment
        self.socialProviders = oauthRedirectURL == nil ? [] : socialProviders
        self.oauthRedirectURL = oauthRedirectURL
    }

    /// Where the "Last used" badge goes: a social provider, or the identifier field. Only shown when
    /// there is more than one way to sign in, as in Clerk's SignIn component (`client.last_authentication_strategy`).
    public var lastUsed: LastUsed? {
        guard let strategy = lastAuthenticationStrategy, identifierKinds.count + socialProviders.count > 1 else {
            return nil
        }
        if let provider = socialProviders.first(where: { $0.strategy.rawValue == strategy }) {
            return .provider(provider.strategy)
        }
        return strategy.hasPrefix("oauth_") ? nil : .identifier
    }

    /// Which control carries the "Last used" badge.
    public enum LastUsed: Equatable, Sendable {
        case identifier
        case provider(Strategy)
    }

    /// Reads the instance settings. Combined flow is on unless sign-up is restricted, as in clerk-js.
    public init(environment: Environment, emailLinkRedirectURL: String? = nil, oauthRedirectURL: String? = nil) {
        let settings = environment.userSettings
        let display = environment.displayConfig
        let firstFactor = { (name: String) in settings.enabledAttribute(name)?.usedForFirstFactor == true }
        var kinds: [IdentifierKind] = []
        switch (firstFactor("email_address"), firstFactor("username")) {
        case (true, true): kinds.append(.emailOrUsername)
        case (true, false): kinds.append(.email)
        case (false, true): kinds.append(.username)
        case (false, false): break
        }
        if firstFactor("phone_number") { kinds.append(.phone) }
        self.init(
            applicationName: display.applicationName, identifierKinds: kinds,
            preferredStrategy: display.preferredSignInStrategy,
            instantPassword: settings.enabledAttribute("password") != nil && display.preferredSignInStrategy == "password",
            combinedFlow: settings.signUp.mode != .restricted, signUpMode: settings.signUp.mode,
            supportEmail: display.supportEmail, emailLinkRedirectURL: emailLinkRedirectURL,
            passwordPolicy: PasswordPolicy(settings.passwordSettings),
            isDevelopment: display.instanceEnvironmentType == .development,
            socialProviders: settings.enabledSocialProviders.filter(\.authenticatable).map {
                SocialProvider(strategy: Strategy(rawValue: $0.strategy), name: $0.name)
            },
            oauthRedirectURL: oauthRedirectURL)
        passkeyButton = settings.enabledAttribute("passkey") != nil && settings.passkeySettings.showSignInButton
    }

    /// Passkeys can be used on this terminal.
    public var usesPasskeys: Bool { passkeyAccess == .available }
}

/// A social sign-in provider: `oauth_google`, "Google".
public struct SocialProvider: Equatable, Sendable {
    public var strategy: Strategy
    public var name: String

    public init(strategy: Strategy, name: String) {
        self.strategy = strategy
        self.name = name
    }
}
