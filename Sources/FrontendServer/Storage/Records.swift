import FrontendAPI

/// Row types of the schema in `Migrations`. Timestamps are epoch milliseconds. Status and strategy columns hold
/// FrontendAPI's wire values (`SessionStatus`, `Strategy`, …), stored as their strings.

struct UserRecord: Record {
    static let table = "users"
    var id: String
    var username: String?
    var firstName: String?
    var lastName: String?
    var passwordDigest: String?
    var primaryEmailAddressId: String?
    var primaryPhoneNumberId: String?
    var totpId: String?
    var totpSecret: String?
    var totpVerified: Bool
    var totpLastStep: Int64
    var totpCreatedAt: Int64?
    var unsafeMetadata: String
    var publicMetadata: String
    var failedAttempts: Int
    var lockedUntil: Int64?
    var lastSignInAt: Int64?
    var lastActiveAt: Int64?
    var passwordUpdatedAt: Int64?
    var mfaEnabledAt: Int64?
    var mfaDisabledAt: Int64?
    var legalAcceptedAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64
    /// The profile image's file name under `images/`, if one was uploaded.
    var imageFile: String? = nil
    /// Banned by the operator (`clerk-tui admin users ban`): no sign-in, no session.
    var banned: Bool = false
    /// When the operator marked the password compromised: sign-in with it is refused, and sessions must reset it
    /// (the `reset-password` task) until it is changed.
    var passwordCompromisedAt: Int64? = nil
}

/// An email address or phone number that belongs to a user.
struct IdentificationRecord: Record {
    static let table = "identifications"
    var id: String
    var userId: String
    var kind: IdentificationKind
    var value: String
    var verified: Bool
    var reservedForSecondFactor: Bool
    var defaultSecondFactor: Bool
    var createdAt: Int64
    var updatedAt: Int64
}

enum IdentificationKind: String, Codable, Sendable {
    case emailAddress = "email_address"
    case phoneNumber = "phone_number"
}

struct ClientRecord: Record {
    static let table = "clients"
    var id: String
    var tokenDigest: String
    var lastActiveSessionId: String?
    var signInId: String?
    var signUpId: String?
    var lastAuthenticationStrategy: String?
    var createdAt: Int64
    var updatedAt: Int64
}

struct SessionRecord: Record {
    static let table = "sessions"
    var id: String
    var clientId: String
    var userId: String
    var status: SessionStatus
    var lastActiveAt: Int64
    var expireAt: Int64
    var abandonAt: Int64
    var lastActiveOrganizationId: String?
    var firstFactorAt: Int64?
    var secondFactorAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64
    /// The latest activity: the device as its request described it (see `ClientDevice`) and the address.
    var activityDeviceType: String? = nil
    var activityBrowserName: String? = nil
    var activityBrowserVersion: String? = nil
    var activityIsMobile: Bool? = nil
    var activityIpAddress: String? = nil
}

struct SignInRecord: Record {
    static let table = "sign_ins"
    var id: String
    var clientId: String
    var status: SignInStatus
    var identifier: String?
    var userId: String?
    var identificationId: String?
    var firstFactorAt: Int64?
    /// The strategy of the verified first factor, which the client's `last_authentication_strategy` becomes.
    var firstFactorStrategy: String? = nil
    var createdSessionId: String?
    var abandonAt: Int64
    var createdAt: Int64
    var updatedAt: Int64
    /// The organization invitation whose ticket started this sign-in: its invitee joins once the sign-in completes.
    var ticketInvitationId: String? = nil
}

struct SignUpRecord: Record {
    static let table = "sign_ups"
    var id: String
    var clientId: String
    var status: SignUpStatus
    var emailAddress: String?
    var phoneNumber: String?
    var username: String?
    var firstName: String?
    var lastName: String?
    var passwordDigest: String?
    var unsafeMetadata: String
    var legalAcceptedAt: Int64?
    var createdUserId: String?
    var createdSessionId: String?
    var abandonAt: Int64
    var createdAt: Int64
    var updatedAt: Int64
    /// The social sign-in this sign-up was transferred from: its verified email, and no password needed.
    var oauthFlowId: String? = nil
    /// The organization invitation whose ticket vouched for the email address: the new user joins with its role.
    var ticketInvitationId: String? = nil
}

/// The state of one verification: a sign-in factor, a sign-up identifier, or a user's new identifier. (A
/// reverification keeps its own state in one too: see `SessionReverification`.)
struct VerificationRecord: Record {
    static let table = "verifications"
    var id: String
    var ownerId: String
    var slot: String
    var strategy: Strategy
    var status: VerificationStatus
    var codeDigest: String?
    var attempts: Int
    var expireAt: Int64?
    var identificationId: String?
    var createdAt: Int64
    var updatedAt: Int64
    /// An email link's: the client that opened it, if the browser presented one (`verified_at_client`).
    var verifiedAtClient: String? = nil
    /// An email link's: where `/v1/verify` sends the browser afterwards.
    var redirectUrl: String? = nil
    /// An email link completed its owner's sign-in or sign-up from elsewhere: the owner's client collects a rotated
    /// token on its next read.
    var tokenOwed: Bool = false
}

/// A WebAuthn credential of a user.
struct PasskeyRecord: Record {
    static let table = "passkeys"
    var id: String
    var userId: String
    var name: String
    /// base64url of the credential id.
    var credentialId: String
    /// base64url of the COSE_Key from the attested credential data.
    var publicKey: String
    var lastUsedAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64
    /// The COSE algorithm of `publicKey` (ES256 -7, EdDSA -8, RS256 -257).
    var algorithm: Int = -7
    /// The authenticator's signature counter at the last use; 0 for authenticators that keep none.
    var signCount: Int64 = 0
    /// Set when a counter went back: the credential may have been cloned, so it no longer signs anyone in.
    var flagged: Bool = false
}

/// The challenge of a WebAuthn ceremony in progress, used once.
struct WebAuthnChallengeRecord: Record {
    static let table = "webauthn_challenges"
    /// A registration's id is the id its passkey will get; sign-ins and reverifications get a fresh one.
    var id: String
    /// The user (registration), sign-in or session the ceremony belongs to.
    var ownerId: String
    var purpose: WebAuthnPurpose
    var userId: String?
    /// base64url of the random challenge.
    var challenge: String
    /// `unverified` until the first attempt, then `verified` or `failed`: a challenge is answered once.
    var status: VerificationStatus
    var expireAt: Int64
    var createdAt: Int64
    var updatedAt: Int64
}

/// What a WebAuthn challenge was issued for.
enum WebAuthnPurpose: String, Codable, Sendable {
    case registration, signIn = "sign_in", reverification
}

/// An account at a social provider, connected to a user.
struct ExternalAccountRecord: Record {
    static let table = "external_accounts"
    var id: String
    var userId: String
    var identificationId: String
    var provider: String
    var providerUserId: String
    var emailAddress: String
    var firstName: String?
    var lastName: String?
    var createdAt: Int64
    var updatedAt: Int64
}

/// One browser round trip to a social provider; `id` is the OAuth `state`.
///
/// It verifies a sign-in (`ownerId` is the sign-in) or connects an account to a signed-in user (`ownerId` is the
/// user, `externalAccountId` the account being connected or reauthorized). `status` is the verification's:
/// `unverified` until the provider answers, then `verified`, `transferable` (no such user: the profile waits for a
/// sign-up) or `failed` (`error_code`).
struct OAuthFlowRecord: Record {
    static let table = "oauth_flows"
    var id: String
    var ownerId: String
    var clientId: String
    var provider: String
    var redirectUrl: String
    var status: VerificationStatus
    var errorCode: String?
    /// The provider's one-time authorization code, until the callback redeems it.
    var codeDigest: String?
    var providerUserId: String?
    var emailAddress: String?
    var firstName: String?
    var lastName: String?
    /// The `rotating_token_nonce` sent to `redirect_url`, until the client has collected its new token.
    var nonceDigest: String?
    var externalAccountId: String? = nil
    var expireAt: Int64
    var createdAt: Int64
    var updatedAt: Int64

    /// Still waiting for the provider's answer at `now` (milliseconds).
    func isOpen(at now: Int64) -> Bool { status == .unverified && expireAt > now }
}

struct BackupCodeRecord: Record {
    static let table = "backup_codes"
    var id: String
    var userId: String
    var codeDigest: String
    var usedAt: Int64?
    var createdAt: Int64
}

/// A code or link a development instance "sent".
public struct OutboxMessage: Record, Equatable {
    static let table = "outbox"
    public var id: String
    public var channel: String
    public var recipient: String
    public var purpose: String
    public var code: String
    public var createdAt: Int64
}
