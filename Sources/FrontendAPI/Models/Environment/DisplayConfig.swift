/// Branding, copy and redirect URLs of the instance (`display_config`).
public struct DisplayConfig: Codable, Sendable, Equatable {
    public var id: String
    public var instanceEnvironmentType: InstanceEnvironmentType
    public var applicationName: String
    /// `password` or `otp`: which first factor the sign-in form offers first.
    public var preferredSignInStrategy: String
    public var theme: JSONObject
    public var logoImageURL: String
    public var faviconImageURL: String?
    public var branded: Bool
    public var showDevmodeWarning: Bool
    public var supportEmail: String?
    public var homeURL: String
    public var signInURL: String
    public var signUpURL: String
    public var userProfileURL: String
    public var waitlistURL: String
    public var afterSignInURL: String
    public var afterSignUpURL: String
    public var afterSignOutOneURL: String
    public var afterSignOutAllURL: String
    public var afterSwitchSessionURL: String
    public var afterJoinWaitlistURL: String
    public var organizationProfileURL: String
    public var createOrganizationURL: String
    public var afterLeaveOrganizationURL: String
    public var afterCreateOrganizationURL: String
    public var logoLinkURL: String
    public var helpURL: String?
    public var privacyPolicyURL: String?
    public var termsURL: String?
    public var experimentalForceOAuthFirst: Bool
    public var clerkJSVersion: String?
    public var googleOneTapClientID: String?
    public var captchaPublicKey: String?
    public var captchaWidgetType: String?
    public var captchaPublicKeyInvisible: String?
    public var captchaProvider: String?
    public var captchaOAuthBypass: [String]
    public var captchaHeartbeat: Bool?

    public init(
        id: String, instanceEnvironmentType: InstanceEnvironmentType, applicationName: String,
        preferredSignInStrategy: String = "password", theme: JSONObject = [:], logoImageURL: String = "",
        faviconImageURL: String? = nil, branded: Bool = false, showDevmodeWarning: Bool = false,
        supportEmail: String? = nil, homeURL: String = "", signInURL: String = "", signUpURL: String = "",
        userProfileURL: String = "", waitlistURL: String = "", afterSignInURL: String = "",
        afterSignUpURL: String = "", afterSignOutOneURL: String = "", afterSignOutAllURL: String = "",
        afterSwitchSessionURL: String = "", afterJoinWaitlistURL: String = "", organizationProfileURL: String = "",
        createOrganizationURL: String = "", afterLeaveOrganizationURL: String = "",
        afterCreateOrganizationURL: String = "", logoLinkURL: String = "", helpURL: String? = nil,
        privacyPolicyURL: String? = nil, termsURL: String? = nil, experimentalForceOAuthFirst: Bool = false,
        clerkJSVersion: String? = nil, googleOneTapClientID: String? = nil, captchaPublicKey: String? = nil,
        captchaWidgetType: String? = nil, captchaPublicKeyInvisible: String? = nil, captchaProvider: String? = nil,
        captchaOAuthBypass: [String] = [], captchaHeartbeat: Bool? = nil
    ) {
        self.id = id
        self.instanceEnvironmentType = instanceEnvironmentType
        self.applicationName = applicationName
        self.preferredSignInStrategy = preferredSignInStrategy
        self.theme = theme
        self.logoImageURL = logoImageURL
        self.faviconImageURL = faviconImageURL
        self.branded = branded
        self.showDevmodeWarning = showDevmodeWarning
        self.supportEmail = supportEmail
        self.homeURL = homeURL
        self.signInURL = signInURL
        self.signUpURL = signUpURL
        self.userProfileURL = userProfileURL
        self.waitlistURL = waitlistURL
        self.afterSignInURL = afterSignInURL
        self.afterSignUpURL = afterSignUpURL
        self.afterSignOutOneURL = afterSignOutOneURL
        self.afterSignOutAllURL = afterSignOutAllURL
        self.afterSwitchSessionURL = afterSwitchSessionURL
        self.afterJoinWaitlistURL = afterJoinWaitlistURL
        self.organizationProfileURL = organizationProfileURL
        self.createOrganizationURL = createOrganizationURL
        self.afterLeaveOrganizationURL = afterLeaveOrganizationURL
        self.afterCreateOrganizationURL = afterCreateOrganizationURL
        self.logoLinkURL = logoLinkURL
        self.helpURL = helpURL
        self.privacyPolicyURL = privacyPolicyURL
        self.termsURL = termsURL
        self.experimentalForceOAuthFirst = experimentalForceOAuthFirst
        self.clerkJSVersion = clerkJSVersion
        self.googleOneTapClientID = googleOneTapClientID
        self.captchaPublicKey = captchaPublicKey
        self.captchaWidgetType = captchaWidgetType
        self.captchaPublicKeyInvisible = captchaPublicKeyInvisible
        self.captchaProvider = captchaProvider
        self.captchaOAuthBypass = captchaOAuthBypass
        self.captchaHeartbeat = captchaHeartbeat
    }

    enum CodingKeys: String, CodingKey {
        case object, id, theme, branded
        case instanceEnvironmentType = "instance_environment_type"
        case applicationName = "application_name"
        case preferredSignInStrategy = "preferred_sign_in_strategy"
        case logoImageURL = "logo_image_url"
        case faviconImageURL = "favicon_image_url"
        case showDevmodeWarning = "show_devmode_warning"
        case supportEmail = "support_email"
        case homeURL = "home_url"
        case signInURL = "sign_in_url"
        case signUpURL = "sign_up_url"
        case userProfileURL = "user_profile_url"
        case waitlistURL = "waitlist_url"
        case afterSignInURL = "after_sign_in_url"
        case afterSignUpURL = "after_sign_up_url"
        case afterSignOutOneURL = "after_sign_out_one_url"
        case afterSignOutAllURL = "after_sign_out_all_url"
        case afterSwitchSessionURL = "after_switch_session_url"
        case afterJoinWaitlistURL = "after_join_waitlist_url"
        case organizationProfileURL = "organization_profile_url"
        case createOrganizationURL = "create_organization_url"
        case afterLeaveOrganizationURL = "after_leave_organization_url"
        case afterCreateOrganizationURL = "after_create_organization_url"
        case logoLinkURL = "logo_link_url"
        case helpURL = "help_url"
        case privacyPolicyURL = "privacy_policy_url"
        case termsURL = "terms_url"
        case experimentalForceOAuthFirst = "experimental_force_oauth_first"
        case clerkJSVersion = "clerk_js_version"
        case googleOneTapClientID = "google_one_tap_client_id"
        case captchaPublicKey = "captcha_public_key"
        case captchaWidgetType = "captcha_widget_type"
        case captchaPublicKeyInvisible = "captcha_public_key_invisible"
        case captchaProvider = "captcha_provider"
        case captchaOAuthBypass = "captcha_oauth_bypass"
        case captchaHeartbeat = "captcha_heartbeat"
        // Deprecated keys the spec still requires (always written as null).
        case logoURL = "logo_url"
        case faviconURL = "favicon_url"
        case logoImage = "logo_image"
        case faviconImage = "favicon_image"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(.id, default: "")
        instanceEnvironmentType = try c.decode(InstanceEnvironmentType.self, forKey: .instanceEnvironmentType)
        applicationName = try c.decode(String.self, forKey: .applicationName)
        preferredSignInStrategy = try c.decode(String.self, forKey: .preferredSignInStrategy)
        theme = try c.decode(.theme, default: [:])
        logoImageURL = try c.decode(.logoImageURL, default: "")
        faviconImageURL = try c.decodeIfPresent(String.self, forKey: .faviconImageURL)
        branded = try c.decode(Bool.self, forKey: .branded)
        showDevmodeWarning = try c.decode(.showDevmodeWarning, default: false)
        supportEmail = try c.decodeIfPresent(String.self, forKey: .supportEmail)
        homeURL = try c.decode(String.self, forKey: .homeURL)
        signInURL = try c.decode(.signInURL, default: "")
        signUpURL = try c.decode(.signUpURL, default: "")
        userProfileURL = try c.decode(.userProfileURL, default: "")
        waitlistURL = try c.decode(.waitlistURL, default: "")
        afterSignInURL = try c.decode(.afterSignInURL, default: "")
        afterSignUpURL = try c.decode(.afterSignUpURL, default: "")
        afterSignOutOneURL = try c.decode(.afterSignOutOneURL, default: "")
        afterSignOutAllURL = try c.decode(.afterSignOutAllURL, default: "")
        afterSwitchSessionURL = try c.decode(.afterSwitchSessionURL, default: "")
        afterJoinWaitlistURL = try c.decode(.afterJoinWaitlistURL, default: "")
        organizationProfileURL = try c.decode(.organizationProfileURL, default: "")
        createOrganizationURL = try c.decode(.createOrganizationURL, default: "")
        afterLeaveOrganizationURL = try c.decode(.afterLeaveOrganizationURL, default: "")
        afterCreateOrganizationURL = try c.decode(.afterCreateOrganizationURL, default: "")
        logoLinkURL = try c.decode(.logoLinkURL, default: "")
        helpURL = try c.decodeIfPresent(String.self, forKey: .helpURL)
        privacyPolicyURL = try c.decodeIfPresent(String.self, forKey: .privacyPolicyURL)
        termsURL = try c.decodeIfPresent(String.self, forKey: .termsURL)
        experimentalForceOAuthFirst = try c.decode(.experimentalForceOAuthFirst, default: false)
        clerkJSVersion = try c.decodeIfPresent(String.self, forKey: .clerkJSVersion)
        googleOneTapClientID = try c.decodeIfPresent(String.self, forKey: .googleOneTapClientID)
        captchaPublicKey = try c.decodeIfPresent(String.self, forKey: .captchaPublicKey)
        captchaWidgetType = try c.decodeIfPresent(String.self, forKey: .captchaWidgetType)
        captchaPublicKeyInvisible = try c.decodeIfPresent(String.self, forKey: .captchaPublicKeyInvisible)
        captchaProvider = try c.decodeIfPresent(String.self, forKey: .captchaProvider)
        captchaOAuthBypass = try c.decode(.captchaOAuthBypass, default: [])
        captchaHeartbeat = try c.decodeIfPresent(Bool.self, forKey: .captchaHeartbeat)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("display_config", forKey: .object)
        try c.encode(id, forKey: .id)
        try c.encode(instanceEnvironmentType, forKey: .instanceEnvironmentType)
        try c.encode(applicationName, forKey: .applicationName)
        try c.encode(preferredSignInStrategy, forKey: .preferredSignInStrategy)
        try c.encode(theme, forKey: .theme)
        try c.encode(logoImageURL, forKey: .logoImageURL)
        try c.encode(faviconImageURL, forKey: .faviconImageURL)
        try c.encode(branded, forKey: .branded)
        try c.encode(showDevmodeWarning, forKey: .showDevmodeWarning)
        try c.encode(supportEmail, forKey: .supportEmail)
        try c.encode(homeURL, forKey: .homeURL)
        try c.encode(signInURL, forKey: .signInURL)
        try c.encode(signUpURL, forKey: .signUpURL)
        try c.encode(userProfileURL, forKey: .userProfileURL)
        try c.encode(waitlistURL, forKey: .waitlistURL)
        try c.encode(afterSignInURL, forKey: .afterSignInURL)
        try c.encode(afterSignUpURL, forKey: .afterSignUpURL)
        try c.encode(afterSignOutOneURL, forKey: .afterSignOutOneURL)
        try c.encode(afterSignOutAllURL, forKey: .afterSignOutAllURL)
        try c.encode(afterSwitchSessionURL, forKey: .afterSwitchSessionURL)
        try c.encode(afterJoinWaitlistURL, forKey: .afterJoinWaitlistURL)
        try c.encode(organizationProfileURL, forKey: .organizationProfileURL)
        try c.encode(createOrganizationURL, forKey: .createOrganizationURL)
        try c.encode(afterLeaveOrganizationURL, forKey: .afterLeaveOrganizationURL)
        try c.encode(afterCreateOrganizationURL, forKey: .afterCreateOrganizationURL)
        try c.encode(logoLinkURL, forKey: .logoLinkURL)
        try c.encode(helpURL, forKey: .helpURL)
        try c.encode(privacyPolicyURL, forKey: .privacyPolicyURL)
        try c.encode(termsURL, forKey: .termsURL)
        try c.encode(experimentalForceOAuthFirst, forKey: .experimentalForceOAuthFirst)
        try c.encode(clerkJSVersion, forKey: .clerkJSVersion)
        try c.encode(googleOneTapClientID, forKey: .googleOneTapClientID)
        try c.encode(captchaPublicKey, forKey: .captchaPublicKey)
        try c.encode(captchaWidgetType, forKey: .captchaWidgetType)
        try c.encode(captchaPublicKeyInvisible, forKey: .captchaPublicKeyInvisible)
        try c.encode(captchaProvider, forKey: .captchaProvider)
        try c.encode(captchaOAuthBypass, forKey: .captchaOAuthBypass)
        try c.encodeIfPresent(captchaHeartbeat, forKey: .captchaHeartbeat)
        try c.encodeNil(forKey: .logoURL)
        try c.encodeNil(forKey: .faviconURL)
        try c.encodeNil(forKey: .logoImage)
        try c.encodeNil(forKey: .faviconImage)
    }

    /// `development`, `production` or `staging`.
    public struct InstanceEnvironmentType: WireString {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let development: Self = "development"
        public static let production: Self = "production"
        public static let staging: Self = "staging"
    }
}
