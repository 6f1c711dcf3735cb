import FrontendAPI

/// What a section sees of its component while it handles an event, and what it asks of it: calls, closing its card,
/// showing another section's card. The component carries the requests out, in order, once the section returns; the
/// form, errors and notice are taken back as the section left them.
struct SectionContext<Host: SectionHost, Purpose: Equatable & Sendable> {
    /// The user or the organization, and the settings.
    let subject: Host.Subject
    let page: Host.Page
    /// A call of the card is on its way: buttons are disabled and actions wait.
    let isBusy: Bool
    var form: SectionForm
    var errors: FormErrors
    /// What the last action did, shown on the page it returned to.
    var success: String?
    /// This section's requests on their way.
    let inFlight: [Purpose]
    private(set) var requests: [SectionRequest<Host, Purpose>] = []

    init(
        subject: Host.Subject, page: Host.Page, isBusy: Bool, form: SectionForm, errors: FormErrors, success: String?,
        inFlight: [Purpose]
    ) {
        self.subject = subject
        self.page = page
        self.isBusy = isBusy
        self.form = form
        self.errors = errors
        self.success = success
        self.inFlight = inFlight
    }

    /// Starts an action of the card: false while another is on its way; otherwise the last messages go.
    mutating func startAction() -> Bool {
        guard !isBusy else { return false }
        errors = .none
        success = nil
        return true
    }

    /// A call of the card: it disables the card's buttons, is forgotten when the card closes, and is offered again
    /// by "Try again" when the server cannot be reached.
    mutating func send(_ call: BackendCall, _ purpose: Purpose) {
        requests.append(.send(.call(call), purpose, isBackground: false))
    }

    /// A call behind the page (a list, a poll): it blocks nothing, and its failures are dropped.
    mutating func load(_ call: BackendCall, _ purpose: Purpose) {
        requests.append(.send(.call(call), purpose, isBackground: true))
    }

    /// Writes `contents` to the file at `path`, readable only by the user; answered like a call.
    mutating func saveFile(_ contents: SecretText, to path: String, _ purpose: Purpose) {
        requests.append(.send(.saveFile(path: path, contents: contents), purpose, isBackground: false))
    }

    /// Back to the page with `notice` as what the action did; the card's fields and errors go with it.
    mutating func close(notice: String? = nil) {
        leave()
        success = notice
    }

    /// Back to the page, keeping the page's notice.
    mutating func leave() {
        form = SectionForm()
        errors = .none
        requests.append(.closeCard)
    }

    /// Closes this card and opens `section`'s card, as `section` holds it.
    mutating func show<Section: SectionFlow>(_ section: Section) where Section.Host == Host {
        form = SectionForm()
        errors = .none
        requests.append(.show(section))
    }

    /// Re-reads the subject (the user, the organization): the piggy-backed client may not carry the change.
    mutating func reloadSubject() { requests.append(.reloadSubject) }

    /// Tells the sections of the page it is shown again (their lists reload).
    mutating func reloadPage() { requests.append(.reloadPage) }

    mutating func startTimer(_ kind: TimerID.Kind, every interval: Duration) {
        requests.append(.startTimer(kind, every: interval))
    }

    mutating func cancelTimer(_ kind: TimerID.Kind) { requests.append(.cancelTimer(kind)) }

    /// Shows `url` in the system browser, where the runtime may.
    mutating func openExternally(_ url: String) { requests.append(.openExternally(url)) }

    /// Ends the component's flow.
    mutating func finish(_ outcome: SectionOutcome) { requests.append(.finish(outcome)) }
}

/// How a section can end its component's flow.
enum SectionOutcome: Equatable, Sendable {
    /// The subject is gone (the account or the organization was deleted, the membership left): reload the client.
    case subjectEnded
    /// A Billing page opens the PricingTable or the Checkout.
    case billing(BillingHandOff)
}

/// One thing a section asked of the profile machine.
enum SectionRequest<Host: SectionHost, Purpose: Equatable & Sendable>: Sendable {
    /// A tracked request: its answer comes back to the section with `Purpose`.
    case send(TrackedRequest, Purpose, isBackground: Bool)
    case closeCard
    /// Another section's card, as that section holds it.
    case show(any SectionFlow<Host>)
    case reloadSubject
    case reloadPage
    case startTimer(TimerID.Kind, every: Duration)
    case cancelTimer(TimerID.Kind)
    case openExternally(String)
    case finish(SectionOutcome)

    /// The same request with its purpose carried by `wrap`.
    func map<Other>(_ wrap: (Purpose) -> Other) -> SectionRequest<Host, Other> {
        switch self {
        case .send(let request, let purpose, let isBackground): .send(request, wrap(purpose), isBackground: isBackground)
        case .closeCard: .closeCard
        case .show(let section): .show(section)
        case .reloadSubject: .reloadSubject
        case .reloadPage: .reloadPage
        case .startTimer(let kind, let interval): .startTimer(kind, every: interval)
        case .cancelTimer(let kind): .cancelTimer(kind)
        case .openExternally(let url): .openExternally(url)
        case .finish(let outcome): .finish(outcome)
        }
    }
}
