import FrontendAPI

/// "Continue with Google": the sign-in goes on in the browser; the card shows the provider's link and re-reads the
/// sign-in every second until the browser is done.
extension SignInMachine {
    mutating func continueWith(_ provider: SocialProvider) -> [Effect] {
        guard step == .start, canSubmit, let redirectURL = config.oauthRedirectURL else { return [] }
        errors = .none
        let parameters = SignInParameters(strategy: provider.strategy, redirectURL: redirectURL, locale: Self.locale)
        return [send(.createSignIn(parameters), .oauth(provider))]
    }

    /// Sends the browser to the provider and polls until the sign-in moves on.
    mutating func startBrowserHandOff(_ signIn: SignIn, provider: SocialProvider) -> [Effect] {
        guard let url = signIn.firstFactorVerification?.externalVerificationRedirectURL else {
            errors.card = Copy.Errors.unableToComplete
            return []
        }
        step = .oauth(provider: provider.name, url: url)
        return [.openExternally(url), .startTimer(timer(.poll), every: .seconds(1), repeats: true)]
    }

    /// A poll tick: re-reads the sign-in unless a read is still on its way.
    mutating func pollBrowser() -> [Effect] {
        guard let signIn, !requests.contains(.poll) else { return [] }
        return [send(.reloadSignIn(id: signIn.id), .poll)]
    }

    /// The browser's progress: no account yet (a sign-up takes over), refused, or the sign-in moved on.
    mutating func browserPolled(_ signIn: SignIn) -> [Effect] {
        let verification = signIn.firstFactorVerification
        if verification?.status == .transferable {
            var effects = leaveFactorCard()
            step = .done
            effects.append(.finish(.transferOAuthToSignUp))
            return effects
        }
        if let error = verification?.error {
            var effects = restart()
            errors.card = Self.replayedOAuthErrors.contains(error.code) ? error.longMessage : Copy.Errors.unableToComplete
            if error.code == "user_locked" { effects += lockOut(error) }
            return effects
        }
        switch signIn.status {
        case .needsFirstFactor, .needsIdentifier: return []
        default: return route(signIn, forgotPassword: false)
        }
    }
}
