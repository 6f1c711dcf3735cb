import Foundation
import FrontendAPI

/// A component with an "API keys" page (Clerk's APIKeys component): UserProfile for the user's keys,
/// OrganizationProfile for the active organization's.
public protocol APIKeysHost: SectionHost {
    var subject: Subject { get }
    /// The page the keys are on.
    static var apiKeysPage: Page { get }
    /// Whose keys they are (a `user_…` or `org_…` id), and whether the page is offered at all.
    static func apiKeysOwner(_ subject: Subject) -> String?
    static func apiKeysSession(_ subject: Subject) -> String
    /// Whether keys may be created and revoked here, not only listed.
    static func managesAPIKeys(_ subject: Subject) -> Bool
}

/// How long a new key lives: Clerk's choices.
public enum APIKeyExpiration: CaseIterable, Equatable, Sendable {
    case never, day, week, days30, days60, days90, days180, year

    /// `seconds_until_expiration`; nil for a key that never expires.
    public var seconds: Int? {
        let days: Int? =
            switch self {
            case .never: nil
            case .day: 1
            case .week: 7
            case .days30: 30
            case .days60: 60
            case .days90: 90
            case .days180: 180
            case .year: 365
            }
        return days.map { $0 * 86_400 }
    }
}

/// "API keys": the owner's valid keys, "Add new key" (a name and an expiry), the new key's secret shown once with a
/// way to copy it, and "Revoke key" confirmed by typing "Revoke". Keys the server stores hashed cannot be shown again.
public struct APIKeysSection<Host: APIKeysHost>: SectionFlow {
    public enum Step: Equatable, Sendable {
        /// "Add new API key".
        case create
        /// "Copy your … API Key now": the new key's secret, on screen until the card closes.
        case copySecret
        case revoke(id: String)
    }

    public enum Action: Equatable, Sendable {
        case chooseExpiration(APIKeyExpiration)
    }

    enum Purpose: Equatable, Sendable {
        case load
        case create
        case revoke
    }

    public static var page: Host.Page { Host.apiKeysPage }
    public internal(set) var step: Step?
    /// The valid keys, newest first, loaded whenever the page is shown.
    public internal(set) var keys: [APIKey] = []
    public internal(set) var expiration = APIKeyExpiration.never
    /// The key just created: its name and its secret, which exists nowhere else.
    public internal(set) var created: (name: String, secret: SecretText)?

    public init() {}

    static var fieldNames: Set<String> { [SectionField.apiKeyName.rawValue, SectionField.revokeConfirmation.rawValue] }

    mutating func pageShown(_ context: inout Context) {
        guard let owner = Host.apiKeysOwner(context.subject) else { return }
        context.load(call(.list(subject: owner), context), .load)
    }

    mutating func act(_ action: Action, _ context: inout Context) {
        guard case .chooseExpiration(let choice) = action else { return }
        expiration = choice
    }

    mutating func submit(_ context: inout Context) {
        guard let owner = Host.apiKeysOwner(context.subject), Host.managesAPIKeys(context.subject) else { return }
        switch step {
        case .create?:
            let name = context.form.trimmed(.apiKeyName)
            guard !name.isEmpty else { return }
            let create = APIKeysCall.create(
                subject: owner, name: name, description: nil, secondsUntilExpiration: expiration.seconds)
            context.send(call(create, context), .create)
        case .revoke(let id)?:
            guard context.form.trimmed(.revokeConfirmation) == Copy.APIKeys.revokeConfirmation else { return }
            context.send(call(.revoke(id: id), context), .revoke)
        case .copySecret?:
            context.close()
        case nil:
            break
        }
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        switch purpose {
        case .load:
            if case .apiKeys(let page) = result { keys = page.data }
        case .create:
            guard case .apiKey(let key) = result else { return }
            created = (key.name, SecretText(key.secret ?? ""))
            context.form = SectionForm()
            step = .copySecret
            context.reloadPage()
        case .revoke:
            context.close()
            context.reloadPage()
        }
    }

    /// The list outlives the card; the secret does not.
    mutating func closed(_ context: inout Context) {
        step = nil
        created = nil
        expiration = .never
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.step == rhs.step && lhs.keys == rhs.keys && lhs.expiration == rhs.expiration
            && lhs.created?.name == rhs.created?.name && lhs.created?.secret == rhs.created?.secret
    }

    private func call(_ call: APIKeysCall, _ context: Context) -> BackendCall {
        .apiKeys(sessionID: Host.apiKeysSession(context.subject), call)
    }
}

extension SectionField {
    public static let apiKeyName = SectionField(rawValue: "name")
    public static let revokeConfirmation = SectionField(rawValue: "revoke_confirmation")
}

extension ProfileMachine: APIKeysHost {
    public static var apiKeysPage: Page { .apiKeys }
    public static func apiKeysOwner(_ subject: ProfileSubject) -> String? { subject.config.apiKeys ? subject.user?.id : nil }
    public static func apiKeysSession(_ subject: ProfileSubject) -> String { subject.sessionID }
    public static func managesAPIKeys(_ subject: ProfileSubject) -> Bool { true }
}

extension OrganizationProfileMachine: APIKeysHost {
    public static var apiKeysPage: Page { .apiKeys }

    /// Members whose role grants `org:sys_api_keys:read` see the keys; `…:manage` creates and revokes them.
    public static func apiKeysOwner(_ subject: OrganizationSubject) -> String? {
        subject.config.apiKeys && subject.can(OrganizationPermission.readAPIKeys) ? subject.organization.id : nil
    }

    public static func apiKeysSession(_ subject: OrganizationSubject) -> String { subject.sessionID }

    public static func managesAPIKeys(_ subject: OrganizationSubject) -> Bool {
        subject.can(OrganizationPermission.manageAPIKeys)
    }
}
