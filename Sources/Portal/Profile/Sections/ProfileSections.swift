import FrontendAPI

/// The state of every UserProfile section, one value per section type.
public struct ProfileSections: Equatable, Sendable {
    private var values: [ObjectIdentifier: any SectionFlow]

    /// Every section, in the order of their pages. A new section is added here.
    static var all: [any SectionFlow.Type] {
        [
            ProfileDetailsSection.self, UsernameSection.self, EmailAddressesSection.self, PhoneNumbersSection.self,
            ConnectedAccountsSection.self, PasswordSection.self, PasskeysSection.self, TwoStepVerificationSection.self,
            BackupCodesSection.self, ActiveDevicesSection.self, DeleteAccountSection.self,
        ]
    }

    init() {
        values = Dictionary(uniqueKeysWithValues: Self.all.map { (ObjectIdentifier($0), $0.init()) })
    }

    /// The sections of `page`, in order.
    static func on(_ page: ProfileMachine.Page) -> [any SectionFlow.Type] { all.filter { $0.page == page } }

    /// The sections of `page` as they are now, in order.
    public func listed(on page: ProfileMachine.Page) -> [any ProfileSection] {
        Self.on(page).compactMap { values[ObjectIdentifier($0)] }
    }

    /// The state of section `type`.
    public subscript<Section: ProfileSection>(_ type: Section.Type) -> Section {
        guard let section = values[ObjectIdentifier(type)] as? Section else {
            preconditionFailure("\(type) is not listed in ProfileSections.all")
        }
        return section
    }

    subscript(id id: ObjectIdentifier) -> (any SectionFlow)? {
        get { values[id] }
        set { values[id] = newValue }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.values.count == rhs.values.count
            && lhs.values.allSatisfy { id, section in rhs.values[id].map(section.isEqual(to:)) ?? false }
    }
}

/// A section's own step, action or purpose, carried through the profile machine, which knows none of their types.
public struct SectionValue: Equatable, Sendable, CustomStringConvertible {
    let base: any Equatable & Sendable

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.base.isEqual(to: rhs.base) }

    public var description: String { String(describing: base) }
}

/// An event for one section: open one of its cards, or act on it.
public struct SectionEvent: Equatable, Sendable {
    let section: ObjectIdentifier
    let kind: Kind

    enum Kind: Equatable, Sendable {
        case open(SectionValue)
        case act(SectionValue)
    }

    init<Section: ProfileSection>(_ type: Section.Type, open step: Section.Step) {
        section = ObjectIdentifier(type)
        kind = .open(SectionValue(base: step))
    }

    init<Section: ProfileSection>(_ type: Section.Type, act action: Section.Action) {
        section = ObjectIdentifier(type)
        kind = .act(SectionValue(base: action))
    }
}

/// What the profile machine hands a section.
enum SectionInput {
    /// Open the card `step`, or, without one, the card the section holds.
    case open(SectionValue?)
    case act(SectionValue)
    case submit
    case back
    case answered(SectionValue, BackendOutcome)
    case timerFired(TimerID.Kind)
    case pageShown
    case closed
}

/// What a section left after an input: the form, errors and notice, and its requests with their purposes carried.
struct SectionOutput {
    var form: ProfileForm
    var errors: FormErrors
    var success: String?
    var requests: [SectionRequest<SectionValue>]
}

extension SectionFlow {
    /// Runs `input` on this section, typed again from what the machine carried.
    mutating func handle(_ input: SectionInput, in profile: ProfileMachine) -> SectionOutput {
        let id = ObjectIdentifier(Self.self)
        let inFlight = profile.requests.purposes.compactMap { purpose -> Purpose? in
            guard case .section(id, let value, _) = purpose else { return nil }
            return value.base as? Purpose
        }
        var context = Context(profile, inFlight: inFlight)
        switch input {
        case .open(let value):
            if let value {
                guard let step = value.base as? Step else { break }
                self.step = step
            }
            opened(&context)
        case .act(let value):
            guard let action = value.base as? Action else { break }
            act(action, &context)
        case .submit:
            submit(&context)
        case .back:
            back(&context)
        case .answered(let value, let outcome):
            guard let purpose = value.base as? Purpose else { break }
            switch outcome {
            case .success(let result): succeeded(purpose, result, &context)
            case .failure(let failure): failed(purpose, failure, &context)
            }
        case .timerFired(let kind):
            timerFired(kind, &context)
        case .pageShown:
            pageShown(&context)
        case .closed:
            closed(&context)
        }
        let requests = context.requests.map { $0.map { SectionValue(base: $0) } }
        return SectionOutput(form: context.form, errors: context.errors, success: context.success, requests: requests)
    }
}

extension Equatable {
    fileprivate func isEqual(to other: any Equatable) -> Bool { (other as? Self) == self }
}
