import Foundation
import FrontendAPI
import Testing
@testable import Portal

/// Builders for the wire objects and failures the machines consume.
enum Fixtures {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)

    static func environment(
        attributes: [String: UserSettings.Attribute] = defaultAttributes, preferred: String = "password",
        mode: UserSettings.SignUp.Mode = .public, legalConsent: Bool = false, singleSession: Bool = false,
        passwordSettings: UserSettings.PasswordSettings = .init(), progressive: Bool = true
    ) -> Environment {
        Environment(
            authConfig: AuthConfig(id: "aac_1", singleSessionMode: singleSession),
            displayConfig: DisplayConfig(
                id: "display_1", instanceEnvironmentType: .development, applicationName: "Acme",
                preferredSignInStrategy: preferred, supportEmail: "support@acme.test"),
            userSettings: UserSettings(
                attributes: attributes,
                signUp: .init(progressive: progressive, mode: mode, legalConsentEnabled: legalConsent),
                passwordSettings: passwordSettings))
    }

    static let defaultAttributes: [String: UserSettings.Attribute] = [
        "email_address": .init(
            enabled: true, required: true, usedForFirstFactor: true, firstFactors: ["email_code"],
            verifications: ["email_code"], verifyAtSignUp: true),
        "username": .init(enabled: true, required: false, usedForFirstFactor: true),
        "phone_number": .init(enabled: true, required: false, usedForFirstFactor: true, firstFactors: ["phone_code"]),
        "password": .init(enabled: true, required: true),
    ]

    static let password = Factor(strategy: .password)
    static let emailCode = Factor(strategy: .emailCode, safeIdentifier: "ada@acme.test", emailAddressID: "idn_email")
    static let emailLink = Factor(strategy: .emailLink, safeIdentifier: "ada@acme.test", emailAddressID: "idn_email")
    static let phoneCode = Factor(strategy: .phoneCode, safeIdentifier: "+15555550100", phoneNumberID: "idn_phone")
    static let resetEmail = Factor(
        strategy: .resetPasswordEmailCode, safeIdentifier: "ada@acme.test", emailAddressID: "idn_email")
    static let totp = Factor(strategy: .totp)
    static let backupCode = Factor(strategy: .backupCode)
    static let smsSecond = Factor(strategy: .phoneCode, safeIdentifier: "+1******00", phoneNumberID: "idn_phone")

    static func signIn(
        _ status: SignInStatus, identifier: String? = "ada@acme.test",
        first: [Factor]? = [password, emailCode, resetEmail], second: [Factor]? = nil,
        firstVerification: Verification? = nil, sessionID: String? = nil
    ) -> SignIn {
        SignIn(
            id: "sia_1", status: status, identifier: identifier, supportedFirstFactors: first,
            supportedSecondFactors: second, firstFactorVerification: firstVerification,
            createdSessionID: sessionID, abandonAt: date)
    }

    static func verification(_ strategy: Strategy, _ status: VerificationStatus) -> Verification {
        Verification(status: status, strategy: strategy)
    }

    static func failure(
        _ code: String, param: String? = nil, status: Int = 422, message: String? = nil, meta: ErrorMeta? = nil
    ) -> PortalFailure {
        var errorMeta = meta ?? ErrorMeta()
        if let param { errorMeta.paramName = param }
        let text = message ?? "message for \(code)"
        return .api(status: status, errors: [ClerkAPIError(code: code, message: text, longMessage: text, meta: errorMeta)])
    }

    static func session(_ id: String, identifier: String, status: SessionStatus = .active, tasks: [SessionTask]? = nil)
        -> Session
    {
        Session(
            id: id, status: status, expireAt: date, abandonAt: date, lastActiveAt: date, tasks: tasks,
            publicUserData: PublicUserData(imageURL: "", hasImage: false, identifier: identifier),
            createdAt: date, updatedAt: date)
    }

    static let user = User(
        id: "user_1", imageURL: "", passwordEnabled: true, twoFactorEnabled: false, totpEnabled: false,
        backupCodeEnabled: false, deleteSelfEnabled: true, createOrganizationEnabled: true, createdAt: date,
        updatedAt: date)

    static func client(_ sessions: [Session], active: String?) -> Client {
        Client(id: "client_1", sessions: sessions, lastActiveSessionID: active, createdAt: date, updatedAt: date)
    }
}

extension Array {
    /// The backend calls among effects, in order.
    func calls<Outcome>() -> [BackendCall] where Element == FlowEffect<Outcome> {
        compactMap { if case .call(_, let call) = $0 { call } else { nil } }
    }

    /// The request id of the only call among effects.
    func requestID<Outcome>() -> RequestID? where Element == FlowEffect<Outcome> {
        compactMap { if case .call(let id, _) = $0 { id } else { nil } }.last
    }

    func outcomes<Outcome>() -> [Outcome] where Element == FlowEffect<Outcome> {
        compactMap(\.outcome)
    }
}

extension SignInMachine {
    static func make(
        _ environment: Environment = Fixtures.environment(), emailLinkRedirectURL: String? = "https://acme.test/verify"
    ) -> SignInMachine {
        SignInMachine(
            config: SignInConfig(environment: environment, emailLinkRedirectURL: emailLinkRedirectURL), scope: 1)
    }

    /// Answers the call among `effects` with `outcome`.
    @discardableResult
    mutating func answer(_ effects: [Effect], _ outcome: BackendOutcome,
                         sourceLocation: SourceLocation = #_sourceLocation) -> [Effect] {
        guard let id = effects.requestID() else {
            Issue.record("no call among \(effects)", sourceLocation: sourceLocation)
            return []
        }
        return update(.response(id, outcome))
    }

    @discardableResult
    mutating func answer(_ effects: [Effect], signIn: SignIn, sourceLocation: SourceLocation = #_sourceLocation) -> [Effect] {
        answer(effects, .success(.signIn(signIn)), sourceLocation: sourceLocation)
    }

    /// Fires a timer `times` times.
    @discardableResult
    mutating func fire(_ kind: TimerID.Kind, times: Int = 1) -> [Effect] {
        var effects: [Effect] = []
        for _ in 0..<times { effects = update(.timerFired(TimerID(scope: requests.scope, kind: kind))) }
        return effects
    }

    /// Types an identifier and submits it.
    mutating func submitIdentifier(_ identifier: String = "ada@acme.test") -> [Effect] {
        _ = update(.identifierChanged(identifier))
        return update(.submit)
    }
}
