import FrontendAPI

/// General › "Verified domains": add a domain, verify it by a code sent to an address at it, choose how users with
/// an address there join (its enrollment mode), remove it. Offered where domains are on; editing needs
/// `org:sys_domains:manage`.
public struct VerifiedDomainsSection: OrganizationSectionFlow {
    public enum Step: Equatable, Sendable {
        case add
        /// The address at domain `id` to send the code to.
        case verify(id: String)
        /// The code sent there.
        case code(id: String)
        case menu(id: String)
        /// "Enrollment options".
        case enrollment(id: String)
        case remove(id: String)
    }

    public enum Action: Equatable, Sendable {
        case chooseMode(String)
        case toggleDeletePending
        case resend
    }

    enum Purpose: Equatable, Sendable {
        case load
        case add
        case prepare(id: String)
        case attempt(id: String)
        case enroll
        case remove(name: String)
    }

    public static let page = OrganizationProfileMachine.Page.general
    public internal(set) var step: Step?
    public internal(set) var domains: [OrganizationDomain] = []
    /// The enrollment mode chosen on the enrollment card, and "Delete pending invitations and suggestions".
    public internal(set) var mode: String?
    public internal(set) var deletePending = false

    public init() {}

    static var fieldNames: Set<String> { [SectionField.domainName.rawValue, SectionField.affiliationLocalPart.rawValue] }

    var codeSubmitsItself: Bool { if case .code = step { true } else { false } }

    public static func isOffered(_ subject: OrganizationSubject) -> Bool {
        subject.config.domainsEnabled && subject.can(OrganizationPermission.readDomains)
    }

    public func domain(_ id: String) -> OrganizationDomain? { domains.first { $0.id == id } }

    mutating func pageShown(_ context: inout Context) {
        guard Self.isOffered(context.subject) else { return }
        context.load(.domains, .load)
    }

    mutating func opened(_ context: inout Context) {
        if case .enrollment(let id)? = step { mode = domain(id)?.enrollmentMode }
    }

    mutating func act(_ action: Action, _ context: inout Context) {
        switch action {
        case .chooseMode(let chosen): mode = chosen
        case .toggleDeletePending: deletePending.toggle()
        case .resend:
            guard case .code(let id)? = step, let address = domain(id)?.affiliationEmailAddress, !context.isBusy else { return }
            context.errors = .none
            context.send(.prepareDomain(id: id, emailAddress: address), .prepare(id: id))
        }
    }

    mutating func submit(_ context: inout Context) {
        guard context.can(OrganizationPermission.manageDomains), let step else { return }
        switch step {
        case .add:
            let name = context.form.trimmed(.domainName)
            guard !name.isEmpty else { return }
            context.send(.addDomain(name: name), .add)
        case .verify(let id):
            let local = context.form.trimmed(.affiliationLocalPart)
            guard !local.isEmpty, let domain = domain(id) else { return }
            context.send(.prepareDomain(id: id, emailAddress: "\(local)@\(domain.name)"), .prepare(id: id))
        case .code(let id):
            guard !context.form.code.isEmpty else { return }
            context.send(.attemptDomain(id: id, code: context.form.code), .attempt(id: id))
        case .enrollment(let id):
            guard let mode else { return }
            context.send(.enrollDomain(id: id, mode: mode, deletePending: deletePending), .enroll)
        case .remove(let id):
            context.send(.removeDomain(id: id), .remove(name: domain(id)?.name ?? ""))
        case .menu:
            break
        }
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        if case .domain(let updated) = result { keep(updated) }
        switch purpose {
        case .load:
            if case .domains(let page) = result { domains = page.data }
        case .add:
            guard case .domain(let added) = result else { return }
            context.form = SectionForm()
            // Verified at once when the admin holds a verified address there: straight to how users join.
            if added.verification?.status == .verified {
                step = .enrollment(id: added.id)
                mode = added.enrollmentMode
            } else {
                step = .verify(id: added.id)
            }
        case .prepare(let id):
            context.form.code = SecretText()
            step = .code(id: id)
        case .attempt(let id):
            // Verified: continue with how users from the domain join.
            context.form = SectionForm()
            step = .enrollment(id: id)
            mode = domain(id)?.enrollmentMode
        case .enroll:
            context.close()
            context.reloadPage()
        case .remove(let name):
            domains.removeAll { $0.name == name }
            context.close(notice: Copy.OrganizationProfile.domainRemoved(name))
        }
    }

    mutating func failed(_ purpose: Purpose, _ failure: PortalFailure, _ context: inout Context) {
        if case .attempt = purpose {
            context.form.code = SecretText()
            context.errors = FormErrors(failure.errors, fieldNames: ["code"])
        } else {
            context.errors = FormErrors(failure.errors, fieldNames: Self.fieldNames)
        }
    }

    /// The list stays as it is when its card closes.
    mutating func closed(_ context: inout Context) {
        step = nil
        mode = nil
        deletePending = false
    }

    private mutating func keep(_ updated: OrganizationDomain) {
        if let index = domains.firstIndex(where: { $0.id == updated.id }) {
            domains[index] = updated
        } else {
            domains.append(updated)
        }
    }
}

extension SectionField {
    public static let domainName = SectionField(rawValue: "name")
    /// The part of the verification address before `@domain`.
    public static let affiliationLocalPart = SectionField(rawValue: "affiliation_email_address")
}
