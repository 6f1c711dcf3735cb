import FrontendAPI

/// The state of every section of a component, one value per section type, in page order.
public struct SectionStore<Host: SectionHost>: Equatable, Sendable {
    private var values: [ObjectIdentifier: any SectionFlow<Host>]
    /// The sections' types, in page order.
    private let order: [ObjectIdentifier]
    private let pages: [ObjectIdentifier: Host.Page]

    init(_ types: [any SectionFlow<Host>.Type]) {
        values = Dictionary(uniqueKeysWithValues: types.map { (ObjectIdentifier($0), $0.init()) })
        order = types.map { ObjectIdentifier($0) }
        pages = Dictionary(uniqueKeysWithValues: types.map { (ObjectIdentifier($0), $0.page) })
    }

    /// The sections of `page` as they are now, in order.
    public func listed(on page: Host.Page) -> [any PageSection<Host>] {
        ids(on: page).compactMap { values[$0] }
    }

    func ids(on page: Host.Page) -> [ObjectIdentifier] { order.filter { pages[$0] == page } }

    /// The state of section `type`.
    public subscript<Section: PageSection>(_ type: Section.Type) -> Section where Section.Host == Host {
        guard let section = values[ObjectIdentifier(type)] as? Section else {
            preconditionFailure("\(type) is not one of its component's sections")
        }
        return section
    }

    subscript(id id: ObjectIdentifier) -> (any SectionFlow<Host>)? {
        get { values[id] }
        set { values[id] = newValue }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.order == rhs.order
            && lhs.values.allSatisfy { id, section in rhs.values[id].map(section.isEqual(to:)) ?? false }
    }
}

/// A section's own step, action or purpose, carried through its component, which knows none of their types.
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

    init<Section: PageSection>(_ type: Section.Type, open step: Section.Step) {
        section = ObjectIdentifier(type)
        kind = .open(SectionValue(base: step))
    }

    init<Section: PageSection>(_ type: Section.Type, act action: Section.Action) {
        section = ObjectIdentifier(type)
        kind = .act(SectionValue(base: action))
    }
}

/// What a component hands a section.
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
struct SectionOutput<Host: SectionHost> {
    var form: SectionForm
    var errors: FormErrors
    var success: String?
    var requests: [SectionRequest<Host, SectionValue>]
}

/// What a component shows its sections while one handles an input.
struct SectionView<Host: SectionHost> {
    let subject: Host.Subject
    let page: Host.Page
    let isBusy: Bool
    let form: SectionForm
    let errors: FormErrors
    let success: String?
    /// Every purpose on its way, as the component carries them: (section, purpose).
    let inFlight: [(ObjectIdentifier, SectionValue)]
}

extension SectionFlow {
    /// Runs `input` on this section, typed again from what the component carried.
    mutating func handle(_ input: SectionInput, in view: SectionView<Host>) -> SectionOutput<Host> {
        let id = ObjectIdentifier(Self.self)
        var context = Context(
            subject: view.subject, page: view.page, isBusy: view.isBusy, form: view.form, errors: view.errors,
            success: view.success,
            inFlight: view.inFlight.compactMap { $0.0 == id ? $0.1.base as? Purpose : nil })
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
