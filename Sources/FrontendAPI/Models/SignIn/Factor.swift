/// A way to complete a sign-in step (`Stubs.SignInFactor`), listed in `supported_first_factors` /
/// `supported_second_factors`.
public struct Factor: Codable, Sendable, Equatable {
    public var strategy: Strategy
    /// Masked identifier, e.g. `j***@example.com`; equal to the sign-in `identifier` for the identifying factor.
    public var safeIdentifier: String?
    public var emailAddressID: String?
    public var phoneNumberID: String?
    public var web3WalletID: String?
    public var passkeyID: String?
    public var enterpriseConnectionID: String?
    public var enterpriseConnectionName: String?
    public var primary: Bool?
    /// Whether this is the user's default second factor.
    public var isDefault: Bool?
    public var externalVerificationRedirectURL: String?

    public init(
        strategy: Strategy, safeIdentifier: String? = nil, emailAddressID: String? = nil, phoneNumberID: String? = nil,
        web3WalletID: String? = nil, passkeyID: String? = nil, enterpriseConnectionID: String? = nil,
        enterpriseConnectionName: String? = nil, primary: Bool? = nil, isDefault: Bool? = nil,
        externalVerificationRedirectURL: String? = nil
    ) {
        self.strategy = strategy
        self.safeIdentifier = safeIdentifier
        self.emailAddressID = emailAddressID
        self.phoneNumberID = phoneNumberID
        self.web3WalletID = web3WalletID
        self.passkeyID = passkeyID
        self.enterpriseConnectionID = enterpriseConnectionID
        self.enterpriseConnectionName = enterpriseConnectionName
        self.primary = primary
        self.isDefault = isDefault
        self.externalVerificationRedirectURL = externalVerificationRedirectURL
    }

    enum CodingKeys: String, CodingKey {
        case strategy, primary
        case safeIdentifier = "safe_identifier"
        case emailAddressID = "email_address_id"
        case phoneNumberID = "phone_number_id"
        case web3WalletID = "web3_wallet_id"
        case passkeyID = "passkey_id"
        case enterpriseConnectionID = "enterprise_connection_id"
        case enterpriseConnectionName = "enterprise_connection_name"
        case isDefault = "default"
        case externalVerificationRedirectURL = "external_verification_redirect_url"
    }
}
