/// The verifications of a sign-up's identifiers. Always an object on the wire (clerk-ios requires it);
/// each entry is `null` until that identifier is supplied.
public struct SignUpVerifications: Codable, Sendable, Equatable {
    public var emailAddress: Verification?
    public var phoneNumber: Verification?
    public var web3Wallet: Verification?
    public var externalAccount: Verification?

    public init(
        emailAddress: Verification? = nil, phoneNumber: Verification? = nil, web3Wallet: Verification? = nil,
        externalAccount: Verification? = nil
    ) {
        self.emailAddress = emailAddress
        self.phoneNumber = phoneNumber
        self.web3Wallet = web3Wallet
        self.externalAccount = externalAccount
    }

    enum CodingKeys: String, CodingKey {
        case emailAddress = "email_address"
        case phoneNumber = "phone_number"
        case web3Wallet = "web3_wallet"
        case externalAccount = "external_account"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(emailAddress, forKey: .emailAddress)
        try container.encode(phoneNumber, forKey: .phoneNumber)
        try container.encode(web3Wallet, forKey: .web3Wallet)
        try container.encode(externalAccount, forKey: .externalAccount)
    }
}
