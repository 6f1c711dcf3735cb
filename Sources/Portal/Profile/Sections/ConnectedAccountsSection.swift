import FrontendAPI

/// "Connected accounts": connect a social provider through the browser, reconnect one that needs it, remove one.
public struct ConnectedAccountsSection: ProfileSectionFlow {
    public enum Step: Equatable, Sendable {
        /// What can be done with account `id`.
        case menu(id: String)
        /// "Connect account": the providers not connected yet.
        case connect
        /// Waiting for the provider in the browser: its link (and QR code), re-read until connected.
        case connecting(provider: String, url: String, accountID: String)
        /// "Remove connected account" confirmation.
        case remove(id: String)
    }

    public enum Action: Equatable, Sendable {
        case connect(SocialProvider)
        case reconnect(accountID: String)
    }

    enum Purpose: Equatable, Sendable {
        /// Starting the connection with `provider` (its name).
        case connect(provider: String)
        /// Re-reading the user while account `accountID` is being connected.
        case poll(accountID: String)
        case remove(label: String)
    }

    public static let page = ProfileMachine.Page.account
    public internal(set) var step: Step?

    public init() {}

    static let pollInterval = Duration.seconds(2)

    mutating func act(_ action: Action, _ profile: inout Context) {
        guard let redirect = profile.config.oauthRedirectURL else { return }
        switch action {
        case .connect(let provider):
            guard profile.startAction() else { return }
            let call = ProfileCall.createExternalAccount(strategy: provider.strategy, redirectURL: redirect)
            profile.send(call, .connect(provider: provider.name))
        case .reconnect(let id):
            guard let account = profile.user?.externalAccounts.first(where: { $0.id == id }), profile.startAction()
            else { return }
            let call = ProfileCall.reauthorizeExternalAccount(id: id, redirectURL: redirect)
            profile.send(call, .connect(provider: Self.providerName(account)))
        }
    }

    mutating func submit(_ profile: inout Context) {
        guard case .remove(let id)? = step else { return }
        let label = profile.user?.externalAccounts.first { $0.id == id }.map(Self.providerName) ?? ""
        profile.send(.deleteExternalAccount(id: id), .remove(label: label))
    }

    /// Leaving while the browser is out stops waiting, and re-reads the user in case it finished meanwhile.
    mutating func back(_ profile: inout Context) {
        let wasConnecting = isConnecting
        profile.leave()
        if wasConnecting { profile.reloadUser() }
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ profile: inout Context) {
        switch purpose {
        case .connect(let provider):
            guard let account = result.externalAccount, let url = account.verification?.externalVerificationRedirectURL
            else {
                profile.errors.card = Copy.Profile.connectFailed(provider)
                return
            }
            profile.form = SectionForm()
            profile.errors = .none
            step = .connecting(provider: provider, url: url, accountID: account.id)
            profile.openExternally(url)
            profile.startTimer(.poll, every: Self.pollInterval)
        case .poll(let id):
            polled(id, &profile)
        case .remove(let label):
            profile.close(notice: Copy.Profile.connectedAccountRemoved(label))
            profile.reloadUser()
        }
    }

    /// The user as re-read while connecting: connected, refused in the browser (cancelled, or the account belongs to
    /// someone else), or not yet.
    private func polled(_ id: String, _ profile: inout Context) {
        guard case .connecting(let provider, _, id)? = step,
              let verification = profile.user?.externalAccounts.first(where: { $0.id == id })?.verification
        else { return }
        switch verification.status {
        case .verified:
            profile.close(notice: Copy.Profile.accountConnected(provider))
        case .failed, .expired:
            profile.leave()
            profile.errors.card = verification.error?.longMessage ?? Copy.Profile.connectFailed(provider)
        default:
            break
        }
    }

    mutating func timerFired(_ kind: TimerID.Kind, _ profile: inout Context) {
        guard kind == .poll, case .connecting(_, _, let id)? = step, !profile.inFlight.contains(.poll(accountID: id))
        else { return }
        profile.load(.loadUser, .poll(accountID: id))
    }

    mutating func closed(_ profile: inout Context) {
        if isConnecting { profile.cancelTimer(.poll) }
        self = Self()
    }

    private var isConnecting: Bool { if case .connecting? = step { true } else { false } }

    /// "Google", "GitHub": the provider of an external account.
    public static func providerName(_ account: ExternalAccount) -> String {
        let id = account.provider.hasPrefix("oauth_") ? String(account.provider.dropFirst(6)) : account.provider
        switch id {
        case "github": return "GitHub"
        case "gitlab": return "GitLab"
        case "linkedin", "linkedin_oidc": return "LinkedIn"
        default: return id.prefix(1).uppercased() + id.dropFirst()
        }
    }
}

extension ProfileMachine {
    /// Providers offered under "Connect account": enabled, not connected yet, and only with somewhere for the
    /// browser to come back to.
    public var connectableProviders: [SocialProvider] {
        guard config.oauthRedirectURL != nil else { return [] }
        let connected = Set(user?.externalAccounts.map(\.provider) ?? [])
        return config.socialProviders.filter { provider in
            let id = provider.strategy.rawValue
            return !connected.contains(id) && !connected.contains(String(id.dropFirst("oauth_".count)))
        }
    }
}
