import Foundation
import FrontendAPI
import Portal

/// Wire objects for the screen tests.
enum Fixtures {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    static func environment(preferred: String = "password", mode: UserSettings.SignUp.Mode = .public) -> Environment {
        Environment(
            authConfig: AuthConfig(id: "aac_1", singleSessionMode: false),
            displayConfig: DisplayConfig(
                id: "display_1", instanceEnvironmentType: .development, applicationName: "Acme",
                preferredSignInStrategy: preferred, supportEmail: "support@acme.test"),
            userSettings: UserSettings(
                attributes: [
                    "email_address": .init(
                        enabled: true, required: true, usedForFirstFactor: true, verifications: ["email_code"]),
                    "phone_number": .init(enabled: true, required: false, usedForFirstFactor: true),
                    "password": .init(enabled: true, required: true),
                ],
                signUp: .init(mode: mode),
                passwordSettings: .init(minLength: 8, requireNumbers: true)))
    }

    static let password = Factor(strategy: .password)
    static let emailCode = Factor(strategy: .emailCode, safeIdentifier: "ada@acme.test", emailAddressID: "idn_email")
    static let resetEmail = Factor(
        strategy: .resetPasswordEmailCode, safeIdentifier: "ada@acme.test", emailAddressID: "idn_email")

    static func signIn(_ status: SignInStatus, second: [Factor]? = nil, verification: Verification? = nil, session: String? = nil)
        -> SignIn
    {
        SignIn(
            id: "sia_1", status: status, identifier: "ada@acme.test",
            supportedFirstFactors: [password, emailCode, resetEmail], supportedSecondFactors: second,
            firstFactorVerification: verification, createdSessionID: session, abandonAt: date)
    }

    static func session(_ id: String, _ identifier: String, first: String? = nil, status: SessionStatus = .active,
        tasks: [SessionTask]? = nil) -> Session
    {
        Session(
            id: id, status: status, expireAt: date, abandonAt: date, lastActiveAt: date, tasks: tasks,
            publicUserData: PublicUserData(firstName: first, imageURL: "", hasImage: false, identifier: identifier),
            createdAt: date, updatedAt: date)
    }

    static func client(_ sessions: [Session], active: String?) -> Client {
        Client(id: "client_1", sessions: sessions, lastActiveSessionID: active, createdAt: date, updatedAt: date)
    }

    static func failure(_ code: String, param: String? = nil, message: String) -> PortalFailure {
        .api(status: 422, errors: [ClerkAPIError(code: code, message: message, longMessage: message, meta: ErrorMeta(paramName: param))])
    }

    static let signUpNeedsEmail = SignUp(
        id: "sua_1", status: .missingRequirements, unverifiedFields: [.emailAddress],
        verifications: SignUpVerifications(
            emailAddress: Verification(status: .unverified, strategy: .emailCode, nextAction: .needsPrepare,
                supportedStrategies: [.emailCode])),
        emailAddress: "new@acme.test", abandonAt: date)
}
