/// A sign-up field name, as listed in `required_fields`, `optional_fields`, `missing_fields` and
/// `unverified_fields`. Open-ended (`oauth_<provider>`).
public struct SignUpField: WireString {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let emailAddress: Self = "email_address"
    public static let phoneNumber: Self = "phone_number"
    public static let web3Wallet: Self = "web3_wallet"
    public static let username: Self = "username"
    public static let passkey: Self = "passkey"
    public static let password: Self = "password"
    public static let authenticatorApp: Self = "authenticator_app"
    public static let ticket: Self = "ticket"
    public static let backupCode: Self = "backup_code"
    public static let firstName: Self = "first_name"
    public static let lastName: Self = "last_name"
    public static let saml: Self = "saml"
    public static let enterpriseSSO: Self = "enterprise_sso"
    public static let legalAccepted: Self = "legal_accepted"
    public static let customAction: Self = "custom_action"
}
