import FrontendAPI

/// `GET /v1/environment`: the instance settings in Clerk's Environment shape.
struct EnvironmentPresenter {
    let settings: InstanceSettings
    let instanceID: String

    func environment() -> FrontendAPI.Environment {
        FrontendAPI.Environment(authConfig: authConfig, displayConfig: displayConfig, userSettings: userSettings,
                                organizationSettings: organizationSettings, commerceSettings: commerceSettings,
                                apiKeysSettings: FrontendAPI.APIKeysSettings(
                                    enabled: settings.apiKeys.enabled, userAPIKeysEnabled: settings.apiKeys.user,
                                    orgsAPIKeysEnabled: settings.apiKeys.organizations))
    }

    /// `organization_settings` in the spec's shape. `force_organization_selection` is sent only when on: clerk-js and
    /// clerk-ios read it (`OrganizationSettingsJSON`), but the spec's `Client.OrganizationSettings` does not list it yet.
    private var organizationSettings: FrontendAPI.OrganizationSettings {
        let organizations = settings.organizations
        return FrontendAPI.OrganizationSettings(
            enabled: organizations.enabled, maxAllowedMemberships: organizations.maxAllowedMemberships,
            adminDeleteEnabled: organizations.adminDeleteEnabled,
            domains: .init(enabled: organizations.domains.enabled,
                           enrollmentModes: organizations.domains.enrollmentModes.map(\.rawValue),
                           defaultRole: organizations.defaultRole),
            slugDisabled: organizations.slugDisabled, creatorRole: organizations.creatorRole,
            forceOrganizationSelection: organizations.forceOrganizationSelection ? true : nil)
    }

    private func requirement(_ identifier: IdentifierSettings) -> AuthConfig.Requirement {
        !identifier.enabled ? .off : identifier.required ? .required : .on
    }

    private func requirement(_ field: SectionFieldRequirement) -> AuthConfig.Requirement {
        switch field { case .off: .off; case .optional: .on; case .required: .required }
    }

    private var firstFactors: [Strategy] {
        var factors: [Strategy] = []
        if settings.password.enabled { factors.append(.password) }
        if settings.emailAddress.enabled && settings.emailCodeFirstFactor { factors.append(.emailCode) }
        if settings.emailAddress.enabled && settings.emailLinkFirstFactor { factors.append(.emailLink) }
        if settings.phoneNumber.enabled && settings.phoneCodeFirstFactor { factors.append(.phoneCode) }
        if settings.password.enabled {
            if settings.emailAddress.enabled { factors.append(.resetPasswordEmailCode) }
            if settings.phoneNumber.enabled { factors.append(.resetPasswordPhoneCode) }
        }
        if settings.passkeys.enabled { factors.append(.passkey) }
        return factors
    }

    private var secondFactors: [Strategy] {
        var factors: [Strategy] = []
        if settings.mfa.totp { factors.append(.totp) }
        if settings.mfa.phoneCode { factors.append(.phoneCode) }
        if settings.mfa.backupCodes { factors.append(.backupCode) }
        return factors
    }

    private var authConfig: AuthConfig {
        var strategies: [String] = []
        if settings.emailAddress.enabled && settings.emailAddress.usedForFirstFactor { strategies.append("email_address") }
        if settings.phoneNumber.enabled && settings.phoneNumber.usedForFirstFactor { strategies.append("phone_number") }
        if settings.username.enabled && settings.username.usedForFirstFactor { strategies.append("username") }
        return AuthConfig(
            id: "aac_" + instanceID.dropFirst(4), singleSessionMode: !settings.sessions.multiSession,
            firstName: requirement(settings.firstName), lastName: requirement(settings.lastName),
            emailAddress: requirement(settings.emailAddress), phoneNumber: requirement(settings.phoneNumber),
            username: requirement(settings.username), password: settings.password.enabled ? .required : .off,
            identificationStrategies: strategies, firstFactors: firstFactors.map(\.rawValue),
            secondFactors: secondFactors.map(\.rawValue),
            emailAddressVerificationStrategies: settings.emailAddress.enabled ? settings.emailVerificationStrategies : [],
            testMode: settings.environment == .development, reverification: true, sessionMinter: nil)
    }

    private var displayConfig: DisplayConfig {
        DisplayConfig(
            id: "display_config_" + instanceID.dropFirst(4),
            instanceEnvironmentType: settings.environment == .development ? .development : .production,
            applicationName: settings.applicationName,
            preferredSignInStrategy: settings.password.enabled ? Strategy.password.rawValue : "otp",
            showDevmodeWarning: settings.environment == .development)
    }

    private var userSettings: UserSettings {
        func identifier(_ value: IdentifierSettings, firstFactors: [Strategy], verifications: [String],
                        secondFactor: Bool) -> UserSettings.Attribute {
            UserSettings.Attribute(
                enabled: value.enabled, required: value.enabled && value.required,
                usedForFirstFactor: value.enabled && value.usedForFirstFactor,
                firstFactors: value.enabled ? firstFactors.map(\.rawValue) : [], usedForSecondFactor: value.enabled && secondFactor,
                secondFactors: value.enabled && secondFactor ? [Strategy.phoneCode.rawValue] : [],
                verifications: value.enabled ? verifications : [], verifyAtSignUp: value.enabled && value.verifyAtSignUp)
        }
        var emailFirstFactors: [Strategy] = settings.emailCodeFirstFactor ? [.emailCode] : []
        if settings.emailLinkFirstFactor { emailFirstFactors.append(.emailLink) }
        let phoneFirstFactors: [Strategy] = settings.phoneCodeFirstFactor ? [.phoneCode] : []
        func profile(_ field: SectionFieldRequirement) -> UserSettings.Attribute {
            UserSettings.Attribute(enabled: field != .off, required: field == .required)
        }
        let attributes: [String: UserSettings.Attribute] = [
            "email_address": identifier(settings.emailAddress, firstFactors: emailFirstFactors,
                                        verifications: settings.emailVerificationStrategies, secondFactor: false),
            "phone_number": identifier(settings.phoneNumber, firstFactors: phoneFirstFactors,
                                       verifications: phoneFirstFactors.map(\.rawValue), secondFactor: settings.mfa.phoneCode),
            "username": identifier(settings.username, firstFactors: [], verifications: [], secondFactor: false),
            "first_name": profile(settings.firstName),
            "last_name": profile(settings.lastName),
            "password": UserSettings.Attribute(enabled: settings.password.enabled, required: settings.password.enabled),
            "authenticator_app": UserSettings.Attribute(enabled: settings.mfa.totp, usedForSecondFactor: settings.mfa.totp,
                                                        secondFactors: settings.mfa.totp ? [Strategy.totp.rawValue] : []),
            "backup_code": UserSettings.Attribute(enabled: settings.mfa.backupCodes, usedForSecondFactor: settings.mfa.backupCodes,
                                                  secondFactors: settings.mfa.backupCodes ? [Strategy.backupCode.rawValue] : []),
            "web3_wallet": UserSettings.Attribute(enabled: false),
            "passkey": passkeyAttribute,
            "ticket": UserSettings.Attribute(enabled: false),
        ]
        let password = settings.password
        var social: [String: UserSettings.Social] = [:]
        for provider in settings.socialProviders {
            let strategy = Strategy.oauth(provider: provider).rawValue
            social[strategy] = UserSettings.Social(
                enabled: true, strategy: strategy, name: SocialProviderCatalog.name(of: provider) ?? provider,
                logoURL: "https://img.clerk.com/static/\(provider).png")
        }
        return UserSettings(
            attributes: attributes, social: social,
            signIn: UserSettings.SignIn(secondFactorRequired: settings.mfa.required),
            signUp: UserSettings.SignUp(progressive: true, mode: UserSettings.SignUp.Mode(rawValue: settings.signUpMode.rawValue)),
            passwordSettings: UserSettings.PasswordSettings(
                disableHIBP: true, minLength: password.minLength, maxLength: password.maxLength,
                requireSpecialChar: password.requireSpecialChar, requireNumbers: password.requireNumbers,
                requireUppercase: password.requireUppercase, requireLowercase: password.requireLowercase),
            actions: UserSettings.Actions(deleteSelf: true, createOrganization: settings.organizations.userMayCreate),
            passkeySettings: UserSettings.PasskeySettings(allowAutofill: settings.passkeys.allowAutofill,
                                                          showSignInButton: settings.passkeys.showSignInButton),
            attackProtection: UserSettings.AttackProtection(userLockout: UserSettings.AttackProtection.UserLockout(
                enabled: settings.lockout.enabled, maxAttempts: settings.lockout.maxAttempts,
                durationInMinutes: Int(settings.lockout.duration / 60)),
                enumerationProtection: UserSettings.Toggle(enabled: settings.enumerationProtection == .strict)))
    }

    /// `attributes.passkey`: a first factor, verified by the WebAuthn ceremony itself.
    private var passkeyAttribute: UserSettings.Attribute {
        let on = settings.passkeys.enabled
        return UserSettings.Attribute(enabled: on, usedForFirstFactor: on, firstFactors: on ? [Strategy.passkey.rawValue] : [],
                                      verifications: on ? [Strategy.passkey.rawValue] : [])
    }
}
