import FrontendAPI
import Portal
import TerminalUI

/// The portal in plain line mode (`--plain`): each card is printed as lines, its fields asked as
/// prompts and its actions offered as a numbered choice. Same machine, same copy as `PortalScreen`.
///
/// Timers follow the wall clock: countdowns are brought up to date before each prompt, and a card
/// that waits (an email link, a success pause) offers "Check again" or sleeps.
public struct PlainPortal<Source: LineSource> {
    public private(set) var machine: PortalMachine
    private var prompter: PlainPrompter<Source>
    private let backend: Backend
    private var timers: [TimerID: (every: Duration, repeats: Bool, due: ContinuousClock.Instant)] = [:]
    private var pending: [PortalMachine.Effect] = []
    /// The card whose fields the user chose over the ways in drawn above them, until the card changes.
    private var fieldsChosenOn: String?

    private let openURL: (@Sendable (String) -> Void)?

    public init(
        backend: Backend, prompter: PlainPrompter<Source>, emailLinkRedirectURL: String? = nil,
        oauthRedirectURL: String? = nil, openURL: (@Sendable (String) -> Void)? = nil, localFiles: Bool = false,
        keepSignedIn: KeepSignedIn? = nil, ticket: String? = nil,
        passkeyAccess: PasskeyAccess? = nil
    ) {
        self.backend = backend
        self.prompter = prompter
        self.openURL = openURL
        machine = PortalMachine(
            emailLinkRedirectURL: emailLinkRedirectURL, oauthRedirectURL: oauthRedirectURL, localFiles: localFiles,
            keepSignedIn: keepSignedIn, ticket: ticket, passkeyAccess: passkeyAccess)
        pending = machine.update(.start)
    }

    /// Runs until input ends (the portal itself never does).
    public mutating func run() async throws(PromptError) -> Never {
        while true {
            await perform()
            await fireDueTimers()
            if !pending.isEmpty { continue }
            try await ask(machine.card)
        }
    }

    // MARK: Effects

    /// Performs pending effects until none are left.
    private mutating func perform() async {
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            switch effect {
            case .call(let id, let call):
                let outcome = await backend.perform(call)
                pending += machine.update(.clientChanged(await backend.currentClient()))
                pending += machine.update(.response(id, outcome))
            case .startTimer(let id, let every, let repeats):
                timers[id] = (every, repeats, .now + every)
            case .cancelTimer(let id):
                timers[id] = nil
            case .openExternally(let url):
                openURL?(url)
            case .saveFile(let id, let path, let contents):
                pending += machine.update(.response(id, PrivateFile.write(contents, to: path)))
            case .removeFile(let id, let path):
                pending += machine.update(.response(id, PrivateFile.remove(path)))
            case .finish(let never):
                switch never {}
            }
        }
    }

    /// Fires every timer whose time has come, as often as it would have fired meanwhile.
    private mutating func fireDueTimers() async {
        let now = ContinuousClock.now
        for (id, timer) in timers where timer.due <= now {
            var due = timer.due
            while due <= now, timers[id] != nil {
                pending += machine.update(.timerFired(id))
                if !timer.repeats { timers[id] = nil }
                due = due + timer.every
            }
            if timers[id] != nil { timers[id]?.due = due }
        }
    }

    // MARK: Prompts

    private mutating func ask(_ card: Card) async throws(PromptError) {
        prompter.say("")
        if machine.isDevelopment { prompter.say("[\(Copy.developmentMode)]") }
        prompter.say(card.title)
        if let subtitle = card.subtitle { prompter.say(subtitle) }
        if let notice = card.notice { prompter.say(notice.message) }
        for line in card.lines { prompter.say(line) }
        if let qr = card.qr, !qr.fallback.isEmpty, !card.lines.contains(qr.fallback) { prompter.say(qr.fallback) }

        guard let (rest, ahead) = try chooseWayIn(card) else { return }
        for control in rest {
            guard let event = try answer(control) else { continue }
            pending += machine.update(event)
            // A complete code submits by itself: go straight to the answer.
            if !pending.isEmpty { return }
        }
        // The buttons as the card is now: what was typed may have enabled one ("Create key" once a name is given).
        let now = machine.card.controls
        let fieldsNow = ahead.isEmpty ? now[...] : now[(now.firstIndex { $0.field != nil } ?? now.endIndex)...]
        var actions = fieldsNow.compactMap(\.plainAction) + ahead
        if actions.isEmpty {
            // Nothing to choose: wait for the card's timer (a success pause, a poll).
            if let next = timers.values.map(\.due).min() { try? await Task.sleep(until: next) }
            return
        }
        // While the card polls (a browser hand-off), "Try again" checks at once rather than at the next tick.
        if let poll = timers.keys.first(where: { $0.kind == .poll }) { actions.append((Copy.retry, .timerFired(poll))) }
        guard case .choice(let index) = try prompter.ask(Question(Copy.chooseAction, kind: .choice(actions.map(\.label))))
        else { return }
        if let event = actions[index].event { pending += machine.update(event) }
    }

    /// On a card whose ways in are drawn above its fields ("Continue with Google", then "or"), offers them first,
    /// with the fields as one more choice, so they are heard before an email address is asked for. Returns the
    /// controls left to ask and the ways in to offer again after them (last); nil once a way in is taken.
    private mutating func chooseWayIn(
        _ card: Card
    ) throws(PromptError) -> (rest: ArraySlice<Control>, ahead: [(label: String, event: PortalMachine.Event?)])? {
        let firstField = card.controls.firstIndex { $0.field != nil } ?? card.controls.endIndex
        let ahead = card.controls[..<firstField].compactMap(\.plainAction)
        guard !ahead.isEmpty, firstField < card.controls.endIndex else { return (card.controls[...], []) }
        let rest = card.controls[firstField...]
        if fieldsChosenOn != machine.route.cardKey {
            let fields = Copy.enterFields(rest.compactMap(\.fieldLabel))
            guard case .choice(let index) = try prompter.ask(
                Question(Copy.chooseAction, kind: .choice(ahead.map(\.label) + [fields])))
            else { return nil }
            guard index == ahead.count else {
                if let event = ahead[index].event { pending += machine.update(event) }
                return nil
            }
            fieldsChosenOn = machine.route.cardKey
        }
        return (rest, ahead)
    }

    /// Asks for one field and returns the event that sets it.
    private mutating func answer(_ control: Control) throws(PromptError) -> PortalMachine.Event? {
        switch control {
        case .text(let id, let label, _, let value, let error, _):
            if let error { prompter.say("✕ " + error) }
            let prompt = value.isEmpty ? label : "\(label) [\(value)]"
            guard case .text(let text) = try prompter.ask(Question(prompt, kind: .text)) else { return nil }
            return machine.editEvent(id, text.isEmpty ? value : text)
        case .secret(let id, let label, _, let error, let hint):
            if let error { prompter.say("✕ " + error) }
            guard case .secret(let text) = try prompter.ask(Question(label, kind: .secret)) else { return nil }
            if let hint { prompter.say(hint) }
            return machine.editEvent(id, text)
        case .code(let id, let label, let error):
            if let error { prompter.say("✕ " + error) }
            guard case .code(let digits) = try prompter.ask(Question(label, kind: .code(length: 6))) else { return nil }
            return machine.editEvent(id, digits)
        case .note(let text):
            prompter.say(text)
            return nil
        case .row(let label, let detail):
            prompter.say(detail.map { "\(label) — \($0)" } ?? label)
            return nil
        case .checkbox(let label, let checked, let action):
            guard case .confirm(let value) = try prompter.ask(Question(label, kind: .confirm(default: checked))) else {
                return nil
            }
            return value == checked ? nil : action
        default:
            return nil
        }
    }
}

extension Control {
    /// What choosing this control means in line mode: its label and event; nil for a control that is not a choice.
    fileprivate var plainAction: (label: String, event: PortalMachine.Event?)? {
        switch self {
        case .button(let label, let action, true), .link(let label, _, let action, true):
            (label, action)
        case .option(let label, let detail, let action):
            (detail.map { "\(label) — \($0)" } ?? label, action)
        default:
            nil
        }
    }
}
