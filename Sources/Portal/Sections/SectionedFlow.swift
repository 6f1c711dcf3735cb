import FrontendAPI

/// A component made of sections (``ProfileMachine``, the OrganizationProfile): it keeps one value of every section,
/// the card on screen, the form and the page's notice, routes the sections' events and answers to them, and carries
/// out what they ask for. The component adds its own events and answers (the user or organization it reloads,
/// reverification) around this.
protocol SectionedFlow: TrackedFlow, SectionHost {
    /// Every section of the component, in page order.
    static var sectionTypes: [any SectionFlow<Self>.Type] { get }

    var sections: SectionStore<Self> { get set }
    /// The section whose card is on screen; nil while the page is.
    var open: ObjectIdentifier? { get set }
    var page: Page { get set }
    var subject: Subject { get }
    var form: SectionForm { get set }
    var errors: FormErrors { get set }
    var success: String? { get set }
    /// An action is under way (background reloads do not count).
    var isBusy: Bool { get }

    /// The purpose of a section's request, carried.
    static func purpose(section: ObjectIdentifier, _ value: SectionValue, isBackground: Bool) -> Purpose
    /// The section and purpose `purpose` carries, if it is a section's.
    static func sectionPurpose(_ purpose: Purpose) -> (ObjectIdentifier, SectionValue)?
    /// Re-reads the subject: the user, the organization.
    mutating func reloadSubject() -> FlowEffect<Outcome>
    /// How the component ends when a section ends it.
    static func outcome(_ outcome: SectionOutcome) -> Outcome
    /// The card closed: drop what the component held for it.
    mutating func cardClosed()
}

extension SectionedFlow {
    /// Leaves the card on screen: its fields, errors and calls on their way go with it.
    mutating func leave() -> [FlowEffect<Outcome>] {
        let effects = closeCard()
        form = SectionForm()
        errors = .none
        return effects
    }

    /// Closes the card on screen: its section stops and forgets it, and its calls on their way are dropped.
    mutating func closeCard() -> [FlowEffect<Outcome>] {
        var effects: [FlowEffect<Outcome>] = []
        if let id = open {
            effects = run(id, .closed)
            open = nil
        }
        requests.unavailable = nil
        cardClosed()
        let component = self
        requests.forget { !component.isBackground($0) }
        return effects
    }

    /// Opens a section's card, or acts on it.
    mutating func route(_ event: SectionEvent) -> [FlowEffect<Outcome>] {
        switch event.kind {
        case .open(let step):
            var effects = leave()
            success = nil
            open = event.section
            effects += run(event.section, .open(step))
            return effects
        case .act(let action):
            return run(event.section, .act(action))
        }
    }

    /// Shows `page`: the card on screen closes and the notice goes.
    mutating func show(_ page: Page) -> [FlowEffect<Outcome>] {
        self.page = page
        let effects = leave()
        success = nil
        return effects + pageShown()
    }

    /// The user typed in a field of the card on screen: its error goes.
    mutating func edit(_ field: SectionField, _ text: String) {
        form[field] = text
        errors.fields[field.rawValue] = nil
    }

    /// The user typed a code; returns whether it is whole and nothing else is under way, so it can submit itself.
    mutating func editCode(_ text: SecretText) -> Bool {
        form.code = text
        errors.fields["code"] = nil
        return text.isCompleteCode && !isBusy
    }

    /// Tells the sections of the page on screen that it is shown.
    mutating func pageShown() -> [FlowEffect<Outcome>] {
        sections.ids(on: page).flatMap { run($0, .pageShown) }
    }

    /// A complete six-digit code submits the open section's card by itself.
    var openCodeSubmitsItself: Bool { open.flatMap { sections[id: $0]?.codeSubmitsItself } ?? false }

    /// Hands `input` to section `id` and carries out what it asked for. A section that opened a card of its own
    /// (an action on its row led to a card) is the one on screen from then on.
    mutating func run(_ id: ObjectIdentifier, _ input: SectionInput) -> [FlowEffect<Outcome>] {
        guard var section = sections[id: id] else { return [] }
        let view = SectionView<Self>(
            subject: subject, page: page, isBusy: isBusy, form: form, errors: errors, success: success,
            inFlight: requests.purposes.compactMap(Self.sectionPurpose))
        let output = section.handle(input, in: view)
        sections[id: id] = section
        var effects: [FlowEffect<Outcome>] = []
        if section.step != nil, open != id {
            if let previous = open { effects = run(previous, .closed) }
            open = id
        }
        form = output.form
        errors = output.errors
        success = output.success
        return effects + output.requests.flatMap { perform($0, from: id) }
    }

    private mutating func perform(_ request: SectionRequest<Self, SectionValue>, from id: ObjectIdentifier)
        -> [FlowEffect<Outcome>]
    {
        switch request {
        case .send(let request, let purpose, let isBackground):
            return [requests.send(request, Self.purpose(section: id, purpose, isBackground: isBackground))]
        case .closeCard:
            return closeCard()
        case .show(let section):
            let target = ObjectIdentifier(type(of: section))
            var effects = closeCard()
            sections[id: target] = section
            open = target
            effects += run(target, .open(nil))
            return effects
        case .reloadSubject:
            return [reloadSubject()]
        case .reloadPage:
            return pageShown()
        case .startTimer(let kind, let interval):
            return [.startTimer(requests.timer(kind), every: interval, repeats: true)]
        case .cancelTimer(let kind):
            return [.cancelTimer(requests.timer(kind))]
        case .openExternally(let url):
            return [.openExternally(url)]
        case .finish(let outcome):
            return [.finish(Self.outcome(outcome))]
        }
    }
}
