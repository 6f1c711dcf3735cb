/// The fields of `POST /v1/client/sign_ups` and `PATCH /v1/client/sign_ups/{id}` (spec `createSignUps`,
/// `updateSignUps`). Nil fields are not sent.
public struct SignUpParameters: Encodable, Sendable, Equatable {
    public var transfer: Bool?
    public var password: SecretText?
    public var firstName: String?
    public var lastName: String?
    public var username: String?
    public var emailAddress: String?
    public var phoneNumber: String?
    public var emailAddressOrPhoneNumber: String?
    public var unsafeMetadata: JSONObject?
    public var strategy: Strategy?
    public var redirectUrl: String?
    public var actionCompleteRedirectUrl: String?
    public var ticket: String?
    public var web3Wallet: String?
    public var token: String?
    public var code: SecretText?
    public var legalAccepted: Bool?
    public var oidcLoginHint: String?
    public var oidcPrompt: String?
    public var locale: String?

    public init(
        transfer: Bool? = nil, password: SecretText? = nil, firstName: String? = nil, lastName: String? = nil,
        username: String? = nil, emailAddress: String? = nil, phoneNumber: String? = nil,
        emailAddressOrPhoneNumber: String? = nil, unsafeMetadata: JSONObject? = nil, strategy: Strategy? = nil,
        redirectURL: String? = nil, actionCompleteRedirectURL: String? = nil, ticket: String? = nil,
        web3Wallet: String? = nil, token: String? = nil, code: SecretText? = nil, legalAccepted: Bool? = nil,
        oidcLoginHint: String? = nil, oidcPrompt: String? = nil, locale: String? = nil
    ) {
        self.transfer = transfer
        self.password = password
        self.firstName = firstName
        self.lastName = lastName
        self.username = username
        self.emailAddress = emailAddress
        self.phoneNumber = phoneNumber
        self.emailAddressOrPhoneNumber = emailAddressOrPhoneNumber
        self.unsafeMetadata = unsafeMetadata
        self.strategy = strategy
        redirectUrl = redirectURL
        actionCompleteRedirectUrl = actionCompleteRedirectURL
        self.ticket = ticket
        self.web3Wallet = web3Wallet
        self.token = token
        self.code = code
        self.legalAccepted = legalAccepted
        self.oidcLoginHint = oidcLoginHint
        self.oidcPrompt = oidcPrompt
        self.locale = locale
    }
}
