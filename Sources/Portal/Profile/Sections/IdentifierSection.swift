import FrontendAPI

/// The cards of an identifier section (email addresses, phone numbers).
public enum IdentifierStep: Equatable, Sendable {
    /// "Add email address": the form.
    case add
    /// The code sent to identifier `id`.
    case verify(id: String)
    /// What can be done with identifier `id`: verify, set as primary, remove.
    case menu(id: String)
    /// "Remove email address" confirmation.
    case remove(id: String)
}

/// What the user does on an identifier's cards.
public enum IdentifierAction: Equatable, Sendable {
    /// Sends a code to identifier `id` and opens its verification card.
    case verify(id: String)
    case setPrimary(id: String)
    /// "Didn't receive a code? Resend".
    case resend
}

/// What an identifier section's calls are for.
public enum IdentifierPurpose: Equatable, Sendable {
    case create
    case prepare(id: String)
    case attempt(id: String)
    case setPrimary(label: String)
    case remove(label: String)
}

/// An identifier section (email addresses, phone numbers): add one, verify it by code, make it primary, remove it.
/// Each section supplies its calls, its form and its wording; the flow is the same.
protocol IdentifierSection: ProfileSectionFlow
where Step == IdentifierStep, Action == IdentifierAction, Purpose == IdentifierPurpose {
    /// The identifier `id` as shown ("ada@example.com").
    static func label(_ id: String, of user: User?) -> String
    /// The add form's call, or nil after marking what is wrong on the form.
    static func createCall(_ profile: inout Context) -> ProfileCall?
    static func prepareCall(_ id: String) -> ProfileCall
    static func attemptCall(_ id: String, code: SecretText) -> ProfileCall
    static func deleteCall(_ id: String) -> ProfileCall
    static func primary(_ id: String) -> UserUpdateParameters
    static func added(_ label: String) -> String
    static func removed(_ label: String) -> String
}

extension IdentifierSection {
    var codeSubmitsItself: Bool { if case .verify = step { true } else { false } }

    mutating func act(_ action: Action, _ profile: inout Context) {
        switch action {
        case .verify(let id):
            guard profile.startAction() else { return }
            profile.send(Self.prepareCall(id), .prepare(id: id))
        case .setPrimary(let id):
            guard profile.startAction() else { return }
            let call = ProfileCall.updateUser(Self.primary(id))
            profile.send(call, .setPrimary(label: Self.label(id, of: profile.user)))
        case .resend:
            guard !profile.isBusy, case .verify(let id) = step else { return }
            profile.errors = .none
            profile.send(Self.prepareCall(id), .prepare(id: id))
        }
    }

    mutating func submit(_ profile: inout Context) {
        switch step {
        case .add?:
            guard let call = Self.createCall(&profile) else { return }
            profile.send(call, .create)
        case .verify(let id)?:
            guard !profile.form.code.isEmpty else { return }
            profile.send(Self.attemptCall(id, code: profile.form.code), .attempt(id: id))
        case .remove(let id)?:
            profile.send(Self.deleteCall(id), .remove(label: Self.label(id, of: profile.user)))
        case .menu?, nil:
            break
        }
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ profile: inout Context) {
        switch purpose {
        case .create:
            guard let id = result.emailAddress?.id ?? result.phoneNumber?.id else { return }
            profile.send(Self.prepareCall(id), .prepare(id: id))
        case .prepare(let id):
            profile.form.code = SecretText()
            step = .verify(id: id)
        case .attempt:
            let label = result.emailAddress?.emailAddress ?? result.phoneNumber?.phoneNumber ?? ""
            profile.close(notice: Self.added(label))
            profile.reloadUser()
        case .setPrimary(let label):
            profile.close(notice: Copy.Profile.primaryChanged(label))
        case .remove(let label):
            profile.close(notice: Self.removed(label))
            profile.reloadUser()
        }
    }

    mutating func failed(_ purpose: Purpose, _ failure: PortalFailure, _ profile: inout Context) {
        if case .attempt = purpose {
            profile.form.code = SecretText()
            profile.errors = FormErrors(failure.errors, fieldNames: ["code"])
        } else {
            profile.errors = FormErrors(failure.errors, fieldNames: Self.fieldNames)
        }
    }
}
