import FrontendAPI

/// A component made of pages of sections, each section editing inline in cards of its own: Clerk's UserProfile
/// (``ProfileMachine``) and OrganizationProfile.
public protocol SectionHost: Sendable {
    /// The component's pages.
    associatedtype Page: Equatable & Sendable
    /// The component's events.
    associatedtype Event: Equatable & Sendable
    /// What sections read of the component: the user or the organization, the settings.
    associatedtype Subject: Sendable

    /// The component's event that carries `event` to its section.
    static func section(_ event: SectionEvent) -> Event
}

/// One section of a page ("Email addresses", "Members", …): its rows on the page, and the cards it opens (a form,
/// a menu, a confirmation). This is what views see of it; ``SectionFlow`` is how the component drives it.
public protocol PageSection<Host>: Equatable, Sendable {
    associatedtype Host: SectionHost
    /// The section's cards.
    associatedtype Step: Equatable & Sendable
    /// What the user does on its cards besides typing, submitting and going back.
    associatedtype Action: Equatable & Sendable = Never

    /// The page it is on.
    static var page: Host.Page { get }
    /// Its card on screen; nil while only its rows are.
    var step: Step? { get }
}

extension PageSection {
    /// The event that opens `step`.
    public static func open(_ step: Step) -> Host.Event { Host.section(SectionEvent(Self.self, open: step)) }

    /// The event that does `action`.
    public static func act(_ action: Action) -> Host.Event { Host.section(SectionEvent(Self.self, act: action)) }

    /// Which card is on screen, for telling one card from the next.
    var stepDescription: String { step.map { String(describing: $0) } ?? "" }
}

/// How a component drives a section. The component keeps one value of every section, routes the section's events
/// and answers to it, and does the rest itself: page navigation, the form, "Try again" (see ``SectionedFlow``). A
/// section asks for what it needs through its ``SectionContext``; every requirement but ``succeeded(_:_:_:)`` has a
/// default.
protocol SectionFlow<Host>: PageSection {
    /// What its calls are for.
    associatedtype Purpose: Equatable & Sendable
    typealias Context = SectionContext<Host, Purpose>

    init()
    var step: Step? { get set }
    /// The form fields its cards show, by wire name: a Clerk error naming one goes under it.
    static var fieldNames: Set<String> { get }
    /// A complete six-digit code submits its card by itself.
    var codeSubmitsItself: Bool { get }

    /// Its card ``step`` opened: fill the form, ask for what the card needs.
    mutating func opened(_ context: inout Context)
    mutating func act(_ action: Action, _ context: inout Context)
    /// The card's primary button, or Enter in one of its fields.
    mutating func submit(_ context: inout Context)
    /// Escape or Cancel on its card.
    mutating func back(_ context: inout Context)
    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context)
    /// A Clerk error, or a file that could not be written; what the component handles itself (an unreachable
    /// server, reverification) comes first.
    mutating func failed(_ purpose: Purpose, _ failure: PortalFailure, _ context: inout Context)
    mutating func timerFired(_ kind: TimerID.Kind, _ context: inout Context)
    /// Its page was shown (or is shown again after a change).
    mutating func pageShown(_ context: inout Context)
    /// Its card closed: stop what it started and forget what the card held.
    mutating func closed(_ context: inout Context)
}

extension SectionFlow {
    static var fieldNames: Set<String> { [] }
    var codeSubmitsItself: Bool { false }
    mutating func opened(_ context: inout Context) {}
    mutating func act(_ action: Action, _ context: inout Context) {}
    mutating func submit(_ context: inout Context) {}
    mutating func back(_ context: inout Context) { context.leave() }
    mutating func failed(_ purpose: Purpose, _ failure: PortalFailure, _ context: inout Context) {
        context.errors = FormErrors(failure.errors, fieldNames: Self.fieldNames)
    }
    mutating func timerFired(_ kind: TimerID.Kind, _ context: inout Context) {}
    mutating func pageShown(_ context: inout Context) {}
    mutating func closed(_ context: inout Context) { self = Self() }
}
