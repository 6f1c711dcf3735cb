import Foundation

/// An instance's configuration, mirroring the Clerk Dashboard. Defaults: a development instance with
/// email + password + email code, optional MFA (TOTP, backup codes) and multi-session.
public struct InstanceSettings: Sendable, Equatable {
    public var applicationName = "clerk-tui"
    public var environment: InstanceEnvironment = .development
    public var allowedOrigins: [String] = []
    public var signUpMode: SignUpMode = .public
    /// `off` (Clerk's default) reveals unknown identifiers at sign-in; `strict` answers them like known ones.
    public var enumerationProtection: EnumerationProtection = .off
    public var emailAddress = IdentifierSettings(enabled: true, required: true, usedForFirstFactor: true)
    public var phoneNumber = IdentifierSettings(enabled: false, required: false, usedForFirstFactor: false)
    public var username = IdentifierSettings(enabled: false, required: false, usedForFirstFactor: false)
    public var firstName: SectionFieldRequirement = .off
    public var lastName: SectionFieldRequirement = .off
    public var password = PasswordSettings()
    public var emailCodeFirstFactor = true
    public var phoneCodeFirstFactor = true
    /// Sign-in by a link emailed to the address (`email_link`), beside or instead of a code.
    public var emailLinkFirstFactor = false
    /// How email addresses are verified at sign-up and in the profile: `email_code`, `email_link` or both (the
    /// Dashboard's "Verify at sign-up" choices), in the order offered.
    public var emailVerificationStrategies: [String] = ["email_code"]
    /// API keys users and organizations may create (the spec's API Keys tag).
    public var apiKeys = APIKeysOptions()
    public var mfa = MFASettings()
    public var sessions = SessionSettings()
    public var lockout = LockoutSettings()
    public var rateLimits = RateLimitSettings()
    public var verification = VerificationSettings()
    /// Social sign-in providers (`google`, `github`, …). This server holds no provider credentials: each one is served
    /// by its development stand-in (`DevelopmentOAuthProvider`), a page where the person names the account to use.
    public var socialProviders: [String] = []
    /// Organizations (off by default), their roles, permissions and verified domains.
    public var organizations = OrganizationsSettings()
    /// Billing (off by default): plans, features and the development payment gateway.
    public var billing = BillingSettings()
    /// Passkeys (off by default) and the WebAuthn relying party that verifies them.
    public var passkeys = PasskeySettings()
    /// Timeouts and caps for `serve`'s connections.
    public var connections = ConnectionSettings()
    /// `[database] url`: a `postgres://` URL for a store that several nodes share; nil keeps SQLite in the data
    /// directory. `--database` and `CLERK_TUI_DATABASE_URL` win over it.
    public var databaseURL: String?

    public init() {}
}

public enum InstanceEnvironment: String, Sendable, Codable { case development, production }

public enum SignUpMode: String, Sendable, Codable { case `public`, restricted, waitlist }

public enum EnumerationProtection: String, Sendable, Codable { case off, strict }

public enum SectionFieldRequirement: String, Sendable, Codable { case off, optional, required }

/// One identifier (email address, phone number, username) as configured on the Dashboard.
public struct IdentifierSettings: Sendable, Equatable {
    public var enabled: Bool
    public var required: Bool
    /// Whether the identifier can be typed on the sign-in form.
    public var usedForFirstFactor: Bool
    public var verifyAtSignUp = true

    public init(enabled: Bool, required: Bool, usedForFirstFactor: Bool, verifyAtSignUp: Bool = true) {
        self.enabled = enabled
        self.required = required
        self.usedForFirstFactor = usedForFirstFactor
        self.verifyAtSignUp = verifyAtSignUp
    }
}

public struct PasswordSettings: Sendable, Equatable {
    public var enabled = true
    public var minLength = 8
    public var maxLength = 128
    public var requireUppercase = false
    public var requireLowercase = false
    public var requireNumbers = false
    public var requireSpecialChar = false
    /// Reject the shipped common-password list with `form_password_pwned`.
    public var rejectCommon = true
    /// bcrypt cost, at least 10.
    public var hashCost = 12
    public init() {}
}

/// Which API keys may be created (`api_keys_settings` of the environment).
public struct APIKeysOptions: Sendable, Equatable {
    /// Users may create keys of their own.
    public var user = false
    /// Organizations may have keys, for members with `org:sys_api_keys:manage`.
    public var organizations = false
    public init() {}

    public var enabled: Bool { user || organizations }
}

public struct MFASettings: Sendable, Equatable {
    public var totp = true
    public var backupCodes = true
    public var phoneCode = false
    /// Whether every user must enrol a second factor (`user_settings.sign_in.second_factor.required`).
    public var required = false
    public init() {}
}

public struct SessionSettings: Sendable, Equatable {
    public var multiSession = true
    /// Maximum lifetime of a session, in seconds (default 7 days).
    public var maxLifetime: TimeInterval = 7 * 24 * 3600
    /// Inactivity timeout in seconds; nil disables it.
    public var inactivityTimeout: TimeInterval? = nil
    /// Session-token lifetime in seconds.
    public var tokenLifetime: TimeInterval = 60
    /// Session-token claims version: 2 (`v`, `sts`, the compact `o` organization claim) or 1 (`org_id`, `org_slug`,
    /// `org_role`, `org_permissions`), as Clerk's Dashboard "Updates" page switches instances between them.
    public var tokenVersion = 2
    /// A MaxMind-format City database (GeoLite2 City, DB-IP City Lite): sessions' activity then names the city and
    /// country of their address. Without one they are left out, as Clerk leaves out what it does not know.
    public var geoIPDatabase: String?
    public init() {}
}

public struct LockoutSettings: Sendable, Equatable {
    public var enabled = true
    public var maxAttempts = 10
    /// Lockout duration in seconds (default 60 minutes).
    public var duration: TimeInterval = 3600
    public init() {}
}

/// Clerk's per-IP limits (5 per 10 s to create sign-ins/ups, 3 per 10 s for attempts) and per-identifier limits.
public struct RateLimitSettings: Sendable, Equatable {
    public var enabled = true
    /// Multiplies every limit (tests raise it; 1 = Clerk's values).
    public var scale = 1.0
    public init() {}
}

public struct VerificationSettings: Sendable, Equatable {
    /// Lifetime of an emailed or texted code, in seconds.
    public var codeLifetime: TimeInterval = 600
    /// Wrong tries before a verification fails.
    public var maxAttempts = 5
    /// Minimum seconds between two sends to the same identifier.
    public var resendCooldown: TimeInterval = 30
    public init() {}
}
