/// The fields of `POST /v1/client/sign_ins` (spec `createSignIn`). Nil fields are not sent.
public struct SignInParameters: Encodable, Sendable, Equatable {
    public var strategy: Strategy?
    public var identifier: String?
    public var password: SecretText?
    public var ticket: String?
    public var redirectUrl: String?
    public var actionCompleteRedirectUrl: String?
    public var transfer: Bool?
    public var code: String?
    public var token: String?
    public var oidcLoginHint: String?
    public var oidcPrompt: String?
    public var locale: String?

    public init(
        strategy: Strategy? = nil, identifier: String? = nil, password: SecretText? = nil, ticket: String? = nil,
        redirectURL: String? = nil, actionCompleteRedirectURL: String? = nil, transfer: Bool? = nil,
        code: String? = nil, token: String? = nil, oidcLoginHint: String? = nil, oidcPrompt: String? = nil,
        locale: String? = nil
    ) {
        self.strategy = strategy
        self.identifier = identifier
        self.password = password
        self.ticket = ticket
        redirectUrl = redirectURL
        actionCompleteRedirectUrl = actionCompleteRedirectURL
        self.transfer = transfer
        self.code = code
        self.token = token
        self.oidcLoginHint = oidcLoginHint
        self.oidcPrompt = oidcPrompt
        self.locale = locale
    }
}

/// The fields of `prepare_first_factor` / `prepare_second_factor` (sign-in) and of the session
/// reverification prepare calls.
public struct PrepareFactorParameters: Encodable, Sendable, Equatable {
    public var strategy: Strategy
    public var emailAddressId: String?
    public var phoneNumberId: String?
    public var web3WalletId: String?
    public var passkeyId: String?
    public var redirectUrl: String?
    public var actionCompleteRedirectUrl: String?
    public var oidcLoginHint: String?
    public var oidcPrompt: String?

    public init(
        strategy: Strategy, emailAddressID: String? = nil, phoneNumberID: String? = nil, web3WalletID: String? = nil,
        passkeyID: String? = nil, redirectURL: String? = nil, actionCompleteRedirectURL: String? = nil,
        oidcLoginHint: String? = nil, oidcPrompt: String? = nil
    ) {
        self.strategy = strategy
        emailAddressId = emailAddressID
        phoneNumberId = phoneNumberID
        web3WalletId = web3WalletID
        passkeyId = passkeyID
        redirectUrl = redirectURL
        actionCompleteRedirectUrl = actionCompleteRedirectURL
        self.oidcLoginHint = oidcLoginHint
        self.oidcPrompt = oidcPrompt
    }
}

/// The fields of `attempt_first_factor` / `attempt_second_factor` (sign-in) and of the session
/// reverification attempt calls.
public struct AttemptFactorParameters: Encodable, Sendable, Equatable {
    public var strategy: Strategy
    public var code: SecretText?
    public var password: SecretText?
    public var signature: String?
    public var token: String?
    public var ticket: String?
    /// The WebAuthn assertion as a JSON string.
    public var publicKeyCredential: String?

    public init(
        strategy: Strategy, code: SecretText? = nil, password: SecretText? = nil, signature: String? = nil,
        token: String? = nil, ticket: String? = nil, publicKeyCredential: String? = nil
    ) {
        self.strategy = strategy
        self.code = code
        self.password = password
        self.signature = signature
        self.token = token
        self.ticket = ticket
        self.publicKeyCredential = publicKeyCredential
    }
}

extension PrepareFactorParameters {
    /// The parameters that prepare `factor`: its strategy and the identifier it sends the code or link to.
    public init(factor: Factor, redirectURL: String? = nil) {
        self.init(
            strategy: factor.strategy, emailAddressID: factor.emailAddressID, phoneNumberID: factor.phoneNumberID,
            redirectURL: redirectURL)
    }
}
