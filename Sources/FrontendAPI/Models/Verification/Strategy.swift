/// An authentication or verification strategy: a sign-in factor's `strategy`, a verification's `strategy`,
/// a sign-up's `supported_strategies` entry. Open-ended (`oauth_<provider>` etc.).
public struct Strategy: WireString {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let password: Self = "password"
    public static let emailCode: Self = "email_code"
    public static let emailLink: Self = "email_link"
    public static let phoneCode: Self = "phone_code"
    public static let totp: Self = "totp"
    public static let backupCode: Self = "backup_code"
    public static let passkey: Self = "passkey"
    public static let ticket: Self = "ticket"
    public static let resetPasswordEmailCode: Self = "reset_password_email_code"
    public static let resetPasswordPhoneCode: Self = "reset_password_phone_code"
    public static let saml: Self = "saml"
    public static let enterpriseSSO: Self = "enterprise_sso"
    public static let googleOneTap: Self = "google_one_tap"
    public static let trustedDevice: Self = "trusted_device"
    public static let admin: Self = "admin"

    /// `oauth_<provider>`, e.g. `oauth(provider: "google")` is `oauth_google`.
    public static func oauth(provider: String) -> Self { Self(rawValue: "oauth_" + provider) }

    /// Whether this is a browser-redirect OAuth strategy (`oauth_…`, not `oauth_token_…`).
    public var isOAuth: Bool { rawValue.hasPrefix("oauth_") && !rawValue.hasPrefix("oauth_token_") }
}
