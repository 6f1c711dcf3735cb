import Foundation
import FrontendAPI

extension SignUpMachine {
    /// A sign-up continuing a sign-in whose identifier has no account (combined flow). The identifier is
    /// prefilled; when the form needs nothing else the sign-up is created right away.
    public static func transfer(
        config: SignUpConfig, scope: Int, identifier: String, attribute: IdentifierAttribute
    ) -> (SignUpMachine, [Effect]) {
        var machine = SignUpMachine(config: config, scope: scope)
        guard machine.step == .start else { return (machine, []) }
        let field: SignUpField =
            switch attribute {
            case .emailAddress: .emailAddress
            case .phoneNumber: .phoneNumber
            case .username: .username
            }
        machine.usesPhone = field == .phoneNumber
        machine.values[field] = identifier
        let othersNeeded = machine.visibleFields.contains { $0.field != field } || config.legalConsent
        guard !othersNeeded, field != .username else { return (machine, []) }
        return (machine, machine.update(.submit))
    }

    /// A sign-up continuing a browser sign-in that found no account: the server moves the verified
    /// external account over (`transfer=true`), then asks for whatever is still missing.
    public static func oauthTransfer(config: SignUpConfig, scope: Int) -> (SignUpMachine, [Effect]) {
        var machine = SignUpMachine(config: config, scope: scope)
        let effect = machine.send(.createSignUp(SignUpParameters(transfer: true, locale: Self.locale)), .create)
        return (machine, [effect])
    }

    /// A sign-up accepting an invitation: the ticket proves the invited address, so it needs no code; the server then
    /// asks for whatever is still missing (a password, a name). Allowed even where sign-up is by invitation only.
    public static func ticket(_ ticket: String, config: SignUpConfig, scope: Int) -> (SignUpMachine, [Effect]) {
        var machine = SignUpMachine(config: config, scope: scope)
        let effects = machine.startTicket(ticket)
        return (machine, effects)
    }

    /// Applies `event` and returns the effects to perform.
    public mutating func update(_ event: Event) -> [Effect] {
        switch event {
        case .fieldChanged(let field, let text):
            values[field] = text
            errors.fields[field.rawValue] = nil
            return []
        case .passwordChanged(let text):
            password = text
            errors.fields["password"] = nil
            return []
        case .toggleLegalAccepted:
            legalAccepted.toggle()
            errors.fields["legal_accepted"] = nil
            return []
        case .switchEmailPhone:
            guard emailPhoneSwitchLabel != nil else { return [] }
            usesPhone.toggle()
            errors = .none
            return []
        case .submit:
            return submit()
        case .codeChanged(let text):
            guard case .verifyCode = step else { return [] }
            code = text
            errors.fields["code"] = nil
            return codeIsComplete && canSubmit ? attempt() : []
        case .resend:
            return resend()
        case .back:
            if step == .waitlist || step == .waitlistJoined { return leaveWaitlist() }
            guard step != .start, step != .restricted, step != .done else { return [] }
            let effects = leaveVerification()
            requests.forgetAll()
            errors = .none
            step = .start
            return effects
        case .goToSignIn:
            guard [.start, .restricted, .continueMissing, .waitlist, .waitlistJoined].contains(step) else { return [] }
            let effects = leaveVerification()
            step = .done
            return effects + [.finish(.signIn)]
        case .joinWaitlist:
            return openWaitlist()
        case .retry:
            return retry()
        case .response(let id, let outcome):
            return receive(id, outcome)
        case .timerFired(let timer):
            return fire(timer)
        }
    }

    private mutating func submit() -> [Effect] {
        guard canSubmit else { return [] }
        if let ticket = pastedTicket { return startTicket(ticket) }
        switch step {
        case .waitlist:
            return joinWaitlist()
        case .start, .continueMissing:
            let fields = visibleFields
            if fields.contains(where: { $0.field == .password }), let feedback = passwordFeedback,
                !feedback.isSatisfied
            {
                errors.fields["password"] = feedback.message
                return []
            }
            errors = .none
            let params = parameters(for: fields)
            if step == .continueMissing, let signUp {
                return [send(.updateSignUp(id: signUp.id, params), .update)]
            }
            return [send(.createSignUp(params), .create)]
        case .verifyCode:
            return attempt()
        case .verifyEmailLink(expired: true):
            return resend()
        default:
            return []
        }
    }

    /// The body for the fields on the card; empty optional fields are left out.
    private func parameters(for fields: [FieldSpec]) -> SignUpParameters {
        var params = SignUpParameters(locale: Self.locale)
        for spec in fields {
            let value = (values[spec.field] ?? "").trimmingCharacters(in: .whitespaces)
            let text: String? = value.isEmpty ? nil : value
            switch spec.field {
            case .firstName: params.firstName = text
            case .lastName: params.lastName = text
            case .username: params.username = text
            case .emailAddress: params.emailAddress = text
            case .phoneNumber: params.phoneNumber = text
            case .password: params.password = password.isEmpty ? nil : password
            default: break
            }
        }
        if showsLegalConsent { params.legalAccepted = legalAccepted }
        return params
    }

    /// Six digits typed.
    var codeIsComplete: Bool { code.isCompleteCode }

    mutating func attempt() -> [Effect] {
        guard case .verifyCode(let field) = step, let signUp, !code.isEmpty, canSubmit else { return [] }
        errors = .none
        let strategy: Strategy = field == .phoneNumber ? .phoneCode : .emailCode
        return [send(.attemptSignUpVerification(id: signUp.id, strategy: strategy, code: code), .attempt(field))]
    }

    private mutating func resend() -> [Effect] {
        guard !resendCooldown.isRunning, canSubmit else { return [] }
        switch step {
        case .verifyCode(let field):
            return prepare(field)
        case .verifyEmailLink:
            return prepare(.emailAddress) + linkResent()
        default:
            return []
        }
    }

    mutating func timerFired(_ kind: TimerID.Kind) -> [Effect] {
        switch kind {
        case .resendCooldown: resendCooldown.tick(on: timer(.resendCooldown))
        case .rateLimit: rateLimit.tick(on: timer(.rateLimit))
        case .poll: pollLink()
        case .lockout, .successDelay, .retryDelay: []
        }
    }

    mutating func send(_ call: BackendCall, _ purpose: Purpose) -> Effect { requests.send(call, purpose) }

    func timer(_ kind: TimerID.Kind) -> TimerID { requests.timer(kind) }

    /// Clerk's components send the locale with a new sign-up.
    static let locale = "en-US"
}
