import FrontendAPI

/// What the sign-up flow takes from the environment.
public struct SignUpConfig: Equatable, Sendable {
    public var applicationName: String
    /// The form's fields in display order, with their required flags.
    public var fields: [FieldSpec]
    /// Email and phone are both optional: the form shows one of them with a "Use phone instead" toggle.
    public var emailOrPhone: Bool
    public var legalConsent: Bool
    public var termsURL: String?
    public var privacyPolicyURL: String?
    public var mode: UserSettings.SignUp.Mode
    public var supportEmail: String?
    /// Verify email addresses with a link instead of a code.
    public var emailLinkVerification: Bool
    public var emailLinkRedirectURL: String?
    public var passwordPolicy: PasswordPolicy
    public var isDevelopment: Bool

    public init(
        applicationName: String, fields: [FieldSpec], emailOrPhone: Bool = false, legalConsent: Bool = false,
        termsURL: String? = nil, privacyPolicyURL: String? = nil, mode: UserSettings.SignUp.Mode = .public,
        supportEmail: String? = nil, emailLinkVerification: Bool = false, emailLinkRedirectURL: String? = nil,
        passwordPolicy: PasswordPolicy = PasswordPolicy(.init()), isDevelopment: Bool = false
    ) {
        self.applicationName = applicationName
        self.fields = fields
        self.emailOrPhone = emailOrPhone
        self.legalConsent = legalConsent
        self.termsURL = termsURL
        self.privacyPolicyURL = privacyPolicyURL
        self.mode = mode
        self.supportEmail = supportEmail
        self.emailLinkVerification = emailLinkVerification
        self.emailLinkRedirectURL = emailLinkRedirectURL
        self.passwordPolicy = passwordPolicy
        self.isDevelopment = isDevelopment
    }

    /// Reads the instance settings (clerk-js `determineActiveFields`, progressive sign-up).
    public init(environment: Environment, emailLinkRedirectURL: String? = nil) {
        let settings = environment.userSettings
        let display = environment.displayConfig
        var fields: [FieldSpec] = []
        for field: SignUpField in [.firstName, .lastName, .username, .emailAddress, .phoneNumber] {
            if let attribute = settings.enabledAttribute(field.rawValue) {
                fields.append(FieldSpec(field: field, required: attribute.required))
            }
        }
        if let password = settings.enabledAttribute("password"), password.required {
            fields.append(FieldSpec(field: .password, required: true))
        }
        let email = settings.enabledAttribute("email_address")
        let phone = settings.enabledAttribute("phone_number")
        let emailOrPhone = email.map { !$0.required } == true && phone.map { !$0.required } == true
        let emailVerifications = email?.verifications ?? []
        self.init(
            applicationName: display.applicationName, fields: fields, emailOrPhone: emailOrPhone,
            legalConsent: settings.signUp.legalConsentEnabled, termsURL: display.termsURL,
            privacyPolicyURL: display.privacyPolicyURL, mode: settings.signUp.mode, supportEmail: display.supportEmail,
            emailLinkVerification: !emailVerifications.contains("email_code") && emailVerifications.contains("email_link"),
            emailLinkRedirectURL: emailLinkRedirectURL, passwordPolicy: PasswordPolicy(settings.passwordSettings),
            isDevelopment: display.instanceEnvironmentType == .development)
    }

    /// The legal-consent checkbox label for the documents the instance links.
    public var legalConsentLabel: String {
        switch (termsURL != nil, privacyPolicyURL != nil) {
        case (true, false): Copy.SignUp.agreeToTerms
        case (false, true): Copy.SignUp.agreeToPrivacy
        default: Copy.SignUp.agreeToTermsAndPrivacy
        }
    }
}

/// One sign-up form field and whether it must be filled.
public struct FieldSpec: Equatable, Sendable {
    public var field: SignUpField
    public var required: Bool

    public init(field: SignUpField, required: Bool) {
        self.field = field
        self.required = required
    }

    public var label: String {
        switch field {
        case .firstName: Copy.Field.firstName
        case .lastName: Copy.Field.lastName
        case .username: Copy.Field.username
        case .emailAddress: Copy.Field.emailAddress
        case .phoneNumber: Copy.Field.phoneNumber
        case .password: Copy.Field.password
        default: field.rawValue
        }
    }

    public var placeholder: String? {
        switch field {
        case .firstName: Copy.Field.firstName
        case .lastName: Copy.Field.lastName
        case .username: Copy.Field.usernamePlaceholder
        case .emailAddress: Copy.Field.emailAddressPlaceholder
        case .phoneNumber: Copy.Field.phoneNumberPlaceholder
        case .password: Copy.Field.signUpPasswordPlaceholder
        default: nil
        }
    }
}
