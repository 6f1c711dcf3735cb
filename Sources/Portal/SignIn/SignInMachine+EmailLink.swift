import FrontendAPI

/// "Check your email" while an email link is outstanding: the sign-in is re-read until the link is used.
extension SignInMachine: EmailLinkFlow {
    var linkExpired: Bool? {
        get { if case .emailLink(let expired) = step { expired } else { nil } }
        set { if let newValue { step = .emailLink(expired: newValue) } }
    }

    var reloadCall: BackendCall? { signIn.map { .reloadSignIn(id: $0.id) } }

    var pollPurpose: Purpose { .poll }
}
