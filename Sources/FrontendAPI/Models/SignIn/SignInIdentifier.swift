/// A kind of identifier a sign-in accepts (`supported_identifiers`).
public struct SignInIdentifier: WireString {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let emailAddress: Self = "email_address"
    public static let phoneNumber: Self = "phone_number"
    public static let username: Self = "username"
    public static let web3Wallet: Self = "web3_wallet"
    public static let passkey: Self = "passkey"
}
