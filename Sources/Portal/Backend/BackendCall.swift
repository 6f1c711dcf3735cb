import FrontendAPI

/// One Frontend API call a machine asks for. Each case is exactly one endpoint; its parameters are the client's
/// own parameter types, and ``perform(with:)`` is the one place that maps it to a ``FrontendClient`` method.
public enum BackendCall: Equatable, Sendable {
    /// `GET /v1/environment`
    case loadEnvironment
    /// `GET /v1/client`
    case loadClient
    /// `POST /v1/client/sign_ins`
    case createSignIn(SignInParameters)
    /// `GET /v1/client/sign_ins/{id}` (email-link and browser polling)
    case reloadSignIn(id: String)
    /// `POST /v1/client/sign_ins/{id}/prepare_first_factor`
    case prepareFirstFactor(signInID: String, PrepareFactorParameters)
    /// `POST /v1/client/sign_ins/{id}/attempt_first_factor`
    case attemptFirstFactor(signInID: String, AttemptFactorParameters)
    /// `POST /v1/client/sign_ins/{id}/prepare_second_factor`
    case prepareSecondFactor(signInID: String, PrepareFactorParameters)
    /// `POST /v1/client/sign_ins/{id}/attempt_second_factor`
    case attemptSecondFactor(signInID: String, AttemptFactorParameters)
    /// `POST /v1/client/sign_ins/{id}/reset_password`
    case resetPassword(signInID: String, password: SecretText, signOutOfOtherSessions: Bool)
    /// `POST /v1/client/sign_ups`
    case createSignUp(SignUpParameters)
    /// `PATCH /v1/client/sign_ups/{id}`
    case updateSignUp(id: String, SignUpParameters)
    /// `GET /v1/client/sign_ups/{id}` (email-link polling)
    case reloadSignUp(id: String)
    /// `POST /v1/client/sign_ups/{id}/prepare_verification`
    case prepareSignUpVerification(id: String, strategy: Strategy, redirectURL: String?)
    /// `POST /v1/client/sign_ups/{id}/attempt_verification`
    case attemptSignUpVerification(id: String, strategy: Strategy, code: SecretText)
    /// `POST /v1/waitlist`
    case joinWaitlist(emailAddress: String)
    /// `POST /v1/client/sessions/{id}/touch`
    case touchSession(id: String, intent: FrontendClient.TouchIntent)
    /// `POST /v1/client/sessions/{id}/remove`
    case removeSession(id: String)
    /// `DELETE /v1/client/sessions`
    case signOutAll
    /// `POST /v1/client/sessions/{id}/touch` with `intent=select_org`: makes `organizationID` the session's active
    /// organization, or the personal account when nil.
    case selectOrganization(sessionID: String, organizationID: String?)
    /// A call on the signed-in user or the session's reverification, acting for `sessionID`.
    case profile(sessionID: String, ProfileCall)
    /// A call on the user's organizations, acting for `sessionID`.
    case organizations(sessionID: String, OrganizationCall)
    /// A call administering organization `organizationID`, acting for `sessionID`.
    case organization(sessionID: String, organizationID: String, OrganizationAdminCall)
    /// A passkey ceremony on this machine's authenticator (not a Frontend API call).
    case authenticator(AuthenticatorCall)
    /// A Clerk Billing call for `payer` (the user or an organization), acting for `sessionID`.
    case billing(sessionID: String, payer: BillingPayerScope, BillingCall)
    /// A call on the API keys of the user or an organization, acting for `sessionID`.
    case apiKeys(sessionID: String, APIKeysCall)
}

/// The resource a ``BackendCall`` returns.
public enum BackendResult: Equatable, Sendable {
    case environment(Environment)
    case client(Client?)
    case signIn(SignIn)
    case signUp(SignUp)
    case session(Session)
    case user(User)
    case totp(TOTP)
    case emailAddress(EmailAddress)
    case phoneNumber(PhoneNumber)
    case sessions([Session])
    case backupCodes(BackupCode)
    case verification(SessionVerification)
    case passkey(Passkey)
    case externalAccount(ExternalAccount)
    case organization(Organization)
    case memberships(PaginatedList<OrganizationMembership>)
    case invitations(PaginatedList<OrganizationInvitation>)
    case invitation(OrganizationInvitation)
    case suggestions(PaginatedList<OrganizationSuggestion>)
    case suggestion(OrganizationSuggestion)
    case membership(OrganizationMembership)
    case roles(PaginatedList<Role>)
    case membershipRequests(PaginatedList<OrganizationMembershipRequest>)
    case domains(PaginatedList<OrganizationDomain>)
    case domain(OrganizationDomain)
    /// An authenticator's credential, the JSON posted as `public_key_credential`.
    case publicKeyCredential(String)
    case plans(PaginatedList<BillingPlan>)
    case subscription(BillingSubscription)
    case subscriptionItem(BillingSubscriptionItem)
    case paymentMethods(PaginatedList<BillingPaymentMethod>)
    case paymentMethod(BillingPaymentMethod)
    case paymentMethodInitialize(BillingPaymentMethodInitialize)
    /// The development gateway's single-use token for a card.
    case paymentToken(String)
    case checkout(BillingCheckout)
    case statements(PaginatedList<BillingStatement>)
    case statement(BillingStatement)
    case paymentAttempts(PaginatedList<BillingPaymentAttempt>)
    case paymentAttempt(BillingPaymentAttempt)
    case apiKeys(PaginatedList<APIKey>)
    case apiKey(APIKey)
    /// A deletion, upload or file write whose answer carries nothing the flows read.
    case done

    public var signIn: SignIn? { if case .signIn(let value) = self { value } else { nil } }
    public var signUp: SignUp? { if case .signUp(let value) = self { value } else { nil } }
    public var session: Session? { if case .session(let value) = self { value } else { nil } }
    public var totp: TOTP? { if case .totp(let value) = self { value } else { nil } }
    public var user: User? { if case .user(let value) = self { value } else { nil } }
    public var emailAddress: EmailAddress? { if case .emailAddress(let value) = self { value } else { nil } }
    public var phoneNumber: PhoneNumber? { if case .phoneNumber(let value) = self { value } else { nil } }
    public var verification: SessionVerification? { if case .verification(let value) = self { value } else { nil } }
    public var externalAccount: ExternalAccount? { if case .externalAccount(let value) = self { value } else { nil } }
}
