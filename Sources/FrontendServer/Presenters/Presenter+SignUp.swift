import Foundation
import FrontendAPI
import SQLKit

extension Presenter {
    func signUp(_ record: SignUpRecord, in db: any SQLDatabase) async throws -> SignUp {
        let requirements = SignUpRequirements(settings: instance.settings)
        let emailVerification = try await instance.codes.find(owner: record.id, slot: "email_address", in: db)
        let phoneVerification = try await instance.codes.find(owner: record.id, slot: "phone_number", in: db)
        let flow = try await record.oauthFlow(in: db)
        let providerEmail = flow?.emailAddress
        let emailStrategies = instance.settings.emailVerificationStrategies.map(Strategy.init(rawValue:))
        let unverified = requirements.unverified(record, email: emailVerification, phone: phoneVerification,
                                                 providerEmail: providerEmail)
        func identification(_ value: String?, _ stored: VerificationRecord?, _ strategies: [Strategy]) -> Verification? {
            guard value != nil, let strategy = strategies.first else { return nil }
            if let flow, value == providerEmail {
                // The provider vouched for it. The spec allows only code strategies here, so it shows as a verified code.
                return Verification(object: "verification_otp", status: .verified, strategy: .emailCode,
                                    expireAt: Date(epochMilliseconds: flow.expireAt), nextAction: FrontendAPI.Verification.NextAction.none,
                                    supportedStrategies: strategies)
            }
            guard let stored, var rendered = verification(stored) else {
                // Not prepared yet: the spec requires an integer `expire_at`; the sign-up's own deadline is the honest one.
                return Verification(object: strategy == .emailLink ? "verification_email_link" : nil, status: .unverified,
                                    strategy: strategy, expireAt: Date(epochMilliseconds: record.abandonAt),
                                    nextAction: .needsPrepare, supportedStrategies: strategies)
            }
            rendered.nextAction = stored.status == .verified ? FrontendAPI.Verification.NextAction.none : .needsAttempt
            rendered.supportedStrategies = strategies
            return rendered
        }
        return SignUp(
            id: record.id, status: record.status,
            requiredFields: requirements.required, optionalFields: requirements.optional,
            missingFields: record.status == .complete ? [] : requirements.missing(record, providerEmail: providerEmail),
            unverifiedFields: record.status == .complete ? [] : unverified,
            verifications: SignUpVerifications(
                emailAddress: identification(record.emailAddress, emailVerification, emailStrategies),
                phoneNumber: identification(record.phoneNumber, phoneVerification, [.phoneCode]),
                externalAccount: flow.map {
                    Verification(object: "verification_oauth", status: .verified, strategy: .oauth(provider: $0.provider),
                                 expireAt: Date(epochMilliseconds: $0.expireAt))
                }),
            username: record.username, emailAddress: record.emailAddress, phoneNumber: record.phoneNumber,
            passwordEnabled: record.passwordDigest != nil, firstName: record.firstName, lastName: record.lastName,
            unsafeMetadata: jsonObject(record.unsafeMetadata), publicMetadata: [:],
            createdSessionID: record.createdSessionId, createdUserID: record.createdUserId,
            abandonAt: Date(epochMilliseconds: record.abandonAt), legalAcceptedAt: record.legalAcceptedAt.map { Date(epochMilliseconds: $0) })
    }
}

/// Which sign-up fields an instance requires, and what a sign-up still lacks.
struct SignUpRequirements {
    let settings: InstanceSettings

    var required: [SignUpField] {
        var fields: [SignUpField] = []
        if settings.emailAddress.enabled && settings.emailAddress.required { fields.append(.emailAddress) }
        if settings.phoneNumber.enabled && settings.phoneNumber.required { fields.append(.phoneNumber) }
        if settings.username.enabled && settings.username.required { fields.append(.username) }
        if settings.password.enabled { fields.append(.password) }
        if settings.firstName == .required { fields.append(.firstName) }
        if settings.lastName == .required { fields.append(.lastName) }
        return fields
    }

    var optional: [SignUpField] {
        var fields: [SignUpField] = []
        if settings.emailAddress.enabled && !settings.emailAddress.required { fields.append(.emailAddress) }
        if settings.phoneNumber.enabled && !settings.phoneNumber.required { fields.append(.phoneNumber) }
        if settings.username.enabled && !settings.username.required { fields.append(.username) }
        if settings.firstName == .optional { fields.append(.firstName) }
        if settings.lastName == .optional { fields.append(.lastName) }
        return fields
    }

    /// `providerEmail`: a sign-up transferred from social sign-in, whose provider vouched for this address; it needs
    /// no password.
    func missing(_ record: SignUpRecord, providerEmail: String? = nil) -> [SignUpField] {
        required.filter { field in
            switch field {
            case .password where providerEmail != nil: false
            case .emailAddress: record.emailAddress == nil
            case .phoneNumber: record.phoneNumber == nil
            case .username: record.username == nil
            case .password: record.passwordDigest == nil
            case .firstName: record.firstName == nil
            case .lastName: record.lastName == nil
            default: false
            }
        }
    }

    func unverified(_ record: SignUpRecord, email: VerificationRecord?, phone: VerificationRecord?,
                    providerEmail: String? = nil) -> [SignUpField] {
        var fields: [SignUpField] = []
        if record.emailAddress != nil, record.emailAddress != providerEmail, settings.emailAddress.verifyAtSignUp,
           email?.status != .verified { fields.append(.emailAddress) }
        if record.phoneNumber != nil, settings.phoneNumber.verifyAtSignUp, phone?.status != .verified { fields.append(.phoneNumber) }
        return fields
    }

    func isComplete(_ record: SignUpRecord, email: VerificationRecord?, phone: VerificationRecord?,
                    providerEmail: String? = nil) -> Bool {
        missing(record, providerEmail: providerEmail).isEmpty
            && unverified(record, email: email, phone: phone, providerEmail: providerEmail).isEmpty
            && (record.emailAddress != nil || record.phoneNumber != nil || record.username != nil)
    }
}
