import Foundation

/// `[passkeys]`: the Dashboard's passkey settings and this instance's WebAuthn relying party.
public struct PasskeySettings: Sendable, Equatable {
    /// Whether `passkey` is a first factor and users may register passkeys.
    public var enabled = false
    /// `passkey_settings.allow_autofill`: clients may offer passkeys from the identifier field.
    public var allowAutofill = true
    /// `passkey_settings.show_sign_in_button`: the sign-in start offers "Use passkey".
    public var showSignInButton = true
    /// The `userVerification` the options ask for; only `required` makes a missing UV flag fail.
    public var userVerification: UserVerification = .preferred
    /// The RP ID the options name and the authenticator data's `rpIdHash` must hash.
    public var relyingPartyID = "localhost"
    /// `clientDataJSON.origin` values accepted; empty means `https://<rp_id>` only, the origin native clients (and
    /// clerk-tui) claim for the RP ID.
    public var allowedOrigins: [String] = []
    /// How long a challenge stays usable, in seconds.
    public var timeout: TimeInterval = 300

    public enum UserVerification: String, Sendable, Codable { case required, preferred, discouraged }

    public init() {}

    /// The origins `clientDataJSON.origin` is checked against.
    public var acceptedOrigins: [String] { allowedOrigins.isEmpty ? ["https://" + relyingPartyID] : allowedOrigins }

    func validate() throws {
        let host = relyingPartyID
        guard !host.isEmpty, !host.contains("/"), !host.contains(":"), host == host.lowercased() else {
            throw SettingsFile.Invalid(description: "passkeys.rp_id must be a lowercase host name (no scheme or port)")
        }
        for origin in allowedOrigins where URL(string: origin)?.scheme == nil || URL(string: origin)?.host == nil {
            throw SettingsFile.Invalid(description: "passkeys.allowed_origins: \(origin) is not an origin (scheme://host[:port])")
        }
        guard timeout >= 30 else { throw SettingsFile.Invalid(description: "passkeys.timeout_seconds must be at least 30") }
    }
}

/// The `[passkeys]` table: optional everywhere, applied over the defaults.
struct PasskeysDocument: Decodable {
    var enabled: Bool?, allow_autofill: Bool?, show_sign_in_button: Bool?
    var user_verification: PasskeySettings.UserVerification?, rp_id: String?, allowed_origins: [String]?
    var timeout_seconds: Int?

    func apply(to p: inout PasskeySettings) {
        if let v = enabled { p.enabled = v }
        if let v = allow_autofill { p.allowAutofill = v }
        if let v = show_sign_in_button { p.showSignInButton = v }
        if let v = user_verification { p.userVerification = v }
        if let v = rp_id { p.relyingPartyID = v }
        if let v = allowed_origins { p.allowedOrigins = v }
        if let v = timeout_seconds { p.timeout = TimeInterval(v) }
    }
}
