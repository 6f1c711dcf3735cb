/// What users may have and how they sign in and up (`user_settings`).
///
/// `attributes` and `social` are keyed by wire name (`email_address`, `oauth_google`, …); the keys pass
/// through coding unchanged.
public struct UserSettings: Codable, Sendable, Equatable {
    public var attributes: [String: Attribute]
    public var social: [String: Social]
    public var signIn: SignIn
    public var signUp: SignUp
    public var passwordSettings: PasswordSettings
    public var usernameSettings: UsernameSettings
    public var actions: Actions
    public var passkeySettings: PasskeySettings
    public var restrictions: Restrictions
    public var attackProtection: AttackProtection
    public var saml: EnterpriseSSO
    public var enterpriseSSO: EnterpriseSSO

    public init(
        attributes: [String: Attribute], social: [String: Social] = [:], signIn: SignIn = SignIn(),
        signUp: SignUp = SignUp(), passwordSettings: PasswordSettings = PasswordSettings(),
        usernameSettings: UsernameSettings = UsernameSettings(), actions: Actions = Actions(),
        passkeySettings: PasskeySettings = PasskeySettings(), restrictions: Restrictions = Restrictions(),
        attackProtection: AttackProtection = AttackProtection(), saml: EnterpriseSSO = EnterpriseSSO(),
        enterpriseSSO: EnterpriseSSO = EnterpriseSSO()
    ) {
        self.attributes = attributes
        self.social = social
        self.signIn = signIn
        self.signUp = signUp
        self.passwordSettings = passwordSettings
        self.usernameSettings = usernameSettings
        self.actions = actions
        self.passkeySettings = passkeySettings
        self.restrictions = restrictions
        self.attackProtection = attackProtection
        self.saml = saml
        self.enterpriseSSO = enterpriseSSO
    }

    /// The attribute configuration for `name` (e.g. `email_address`), if enabled.
    public func enabledAttribute(_ name: String) -> Attribute? {
        attributes[name].flatMap { $0.enabled ? $0 : nil }
    }

    /// Enabled social providers, sorted by strategy.
    public var enabledSocialProviders: [Social] {
        social.values.filter(\.enabled).sorted { $0.strategy < $1.strategy }
    }

    enum CodingKeys: String, CodingKey {
        case attributes, social, actions, restrictions, saml
        case signIn = "sign_in"
        case signUp = "sign_up"
        case passwordSettings = "password_settings"
        case usernameSettings = "username_settings"
        case passkeySettings = "passkey_settings"
        case attackProtection = "attack_protection"
        case enterpriseSSO = "enterprise_sso"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        attributes = try c.decode([String: Attribute].self, forKey: .attributes)
        social = try c.decode([String: Social].self, forKey: .social)
        signIn = try c.decode(.signIn, default: SignIn())
        signUp = try c.decode(SignUp.self, forKey: .signUp)
        passwordSettings = try c.decode(.passwordSettings, default: PasswordSettings())
        usernameSettings = try c.decode(.usernameSettings, default: UsernameSettings())
        actions = try c.decode(Actions.self, forKey: .actions)
        passkeySettings = try c.decode(.passkeySettings, default: PasskeySettings())
        restrictions = try c.decode(.restrictions, default: Restrictions())
        attackProtection = try c.decode(.attackProtection, default: AttackProtection())
        saml = try c.decode(.saml, default: EnterpriseSSO())
        enterpriseSSO = try c.decode(.enterpriseSSO, default: EnterpriseSSO())
    }
}
