import FrontendAPI

/// One section of the UserProfile pages ("Email addresses", "Password", …): its rows on a page, and the cards it
/// opens (a form, a menu, a confirmation). This is what views see of it; ``SectionFlow`` is how the profile machine
/// drives it.
public protocol ProfileSection: Equatable, Sendable {
    /// The section's cards.
    associatedtype Step: Equatable & Sendable
    /// What the user does on its cards besides typing, submitting and going back.
    associatedtype Action: Equatable & Sendable = Never

    /// The page it is on.
    static var page: ProfileMachine.Page { get }
    /// Its card on screen; nil while only its rows are.
    var step: Step? { get }
}

extension ProfileSection {
    /// The event that opens `step`.
    public static func open(_ step: Step) -> ProfileMachine.Event { .section(SectionEvent(Self.self, open: step)) }

    /// The event that does `action`.
    public static func act(_ action: Action) -> ProfileMachine.Event { .section(SectionEvent(Self.self, act: action)) }

    /// Which card is on screen, for telling one card from the next.
    var stepDescription: String { step.map { String(describing: $0) } ?? "" }
}

/// How the profile machine drives a section. The machine keeps one value of every section, routes the section's
/// events and answers to it, and does the rest itself: page navigation, the form, "Try again", and reverification
/// followed by one retry of the call that needed it. A section asks for what it needs through its
/// ``SectionContext``; every requirement but ``succeeded(_:_:_:)`` has a default.
protocol SectionFlow: ProfileSection {
    /// What its calls are for.
    associatedtype Purpose: Equatable & Sendable
    typealias Context = SectionContext<Purpose>

    init()
    var step: Step? { get set }
    /// The form fields its cards show, by wire name: a Clerk error naming one goes under it.
    static var fieldNames: Set<String> { get }
    /// A complete six-digit code submits its card by itself.
    var codeSubmitsItself: Bool { get }

    /// Its card ``step`` opened: fill the form, ask for what the card needs.
    mutating func opened(_ profile: inout Context)
    mutating func act(_ action: Action, _ profile: inout Context)
    /// The card's primary button, or Enter in one of its fields.
    mutating func submit(_ profile: inout Context)
    /// Escape or Cancel on its card.
    mutating func back(_ profile: inout Context)
    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ profile: inout Context)
    /// A Clerk error, or a file that could not be written; reverification and an unreachable server are handled
    /// before this.
    mutating func failed(_ purpose: Purpose, _ failure: PortalFailure, _ profile: inout Context)
    mutating func timerFired(_ kind: TimerID.Kind, _ profile: inout Context)
    /// Its page was shown (or is shown again after a change).
    mutating func pageShown(_ profile: inout Context)
    /// Its card closed: stop what it started and forget what the card held.
    mutating func closed(_ profile: inout Context)
}

extension SectionFlow {
    static var fieldNames: Set<String> { [] }
    var codeSubmitsItself: Bool { false }
    mutating func opened(_ profile: inout Context) {}
    mutating func act(_ action: Action, _ profile: inout Context) {}
    mutating func submit(_ profile: inout Context) {}
    mutating func back(_ profile: inout Context) { profile.leave() }
    mutating func failed(_ purpose: Purpose, _ failure: PortalFailure, _ profile: inout Context) {
        profile.errors = FormErrors(failure.errors, fieldNames: Self.fieldNames)
    }
    mutating func timerFired(_ kind: TimerID.Kind, _ profile: inout Context) {}
    mutating func pageShown(_ profile: inout Context) {}
    mutating func closed(_ profile: inout Context) { self = Self() }
}
