import FrontendAPI

/// Body of `POST /v1/client/sign_ins`.
public struct SignInCreateParams: Equatable, Sendable {
    public var identifier: String?
    /// `password` with a password (instant password), `oauth_<provider>` for social sign-in.
    public var strategy: Strategy?
    public var password: SecretText?
    /// OAuth: where the provider sends the browser back.
    public var redirectURL: String?
    /// Sign-up → sign-in transfer after OAuth.
    public var transfer: Bool
    public var locale: String?

    public init(
        identifier: String? = nil, strategy: Strategy? = nil, password: SecretText? = nil,
        redirectURL: String? = nil, transfer: Bool = false, locale: String? = "en-US"
    ) {
        self.identifier = identifier
        self.strategy = strategy
        self.password = password
        self.redirectURL = redirectURL
        self.transfer = transfer
        self.locale = locale
    }
}

/// Body of `prepare_first_factor` / `prepare_second_factor`.
public struct PrepareFactorParams: Equatable, Sendable {
    public var strategy: Strategy
    public var emailAddressID: String?
    public var phoneNumberID: String?
    /// Email links: the page the link lands on.
    public var redirectURL: String?

    public init(strategy: Strategy, emailAddressID: String? = nil, phoneNumberID: String? = nil, redirectURL: String? = nil) {
        self.strategy = strategy
        self.emailAddressID = emailAddressID
        self.phoneNumberID = phoneNumberID
        self.redirectURL = redirectURL
    }

    /// The parameters that prepare `factor`.
    public init(factor: Factor, redirectURL: String? = nil) {
        self.init(
            strategy: factor.strategy, emailAddressID: factor.emailAddressID, phoneNumberID: factor.phoneNumberID,
            redirectURL: redirectURL)
    }
}

/// Body of `attempt_first_factor` / `attempt_second_factor`: a code, or a password.
public struct AttemptFactorParams: Equatable, Sendable {
    public var strategy: Strategy
    public var code: SecretText?
    public var password: SecretText?

    public init(strategy: Strategy, code: SecretText? = nil, password: SecretText? = nil) {
        self.strategy = strategy
        self.code = code
        self.password = password
    }
}

/// Body of `POST /v1/client/sign_ups` and `PATCH /v1/client/sign_ups/{id}`. `nil` fields are not sent.
public struct SignUpParams: Equatable, Sendable {
    public var emailAddress: String?
    public var phoneNumber: String?
    public var username: String?
    public var firstName: String?
    public var lastName: String?
    public var password: SecretText?
    public var legalAccepted: Bool?
    /// `true` for the sign-in → sign-up transfer after OAuth.
    public var transfer: Bool?
    public var locale: String?

    public init(
        emailAddress: String? = nil, phoneNumber: String? = nil, username: String? = nil, firstName: String? = nil,
        lastName: String? = nil, password: SecretText? = nil, legalAccepted: Bool? = nil, transfer: Bool? = nil,
        locale: String? = nil
    ) {
        self.emailAddress = emailAddress
        self.phoneNumber = phoneNumber
        self.username = username
        self.firstName = firstName
        self.lastName = lastName
        self.password = password
        self.legalAccepted = legalAccepted
        self.transfer = transfer
        self.locale = locale
    }
}

/// Why a session is touched: the client's own vocabulary, so the runtime passes it through unchanged.
public typealias TouchIntent = FrontendClient.TouchIntent
