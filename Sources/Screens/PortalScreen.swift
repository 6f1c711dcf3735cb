import FrontendAPI
import Portal
import TerminalUI

/// The portal as one TerminalUI screen: draws the card for `PortalMachine`'s state, turns keys into
/// machine events and machine effects into commands.
public struct PortalScreen: Screen {
    public private(set) var machine: PortalMachine
    private var runner: EffectRunner
    private var widgets = CardWidgets()
    private var focus = 0
    private var cardKey = ""
    private var cardHadFields = false
    private let initialCommands: [Command]

    /// - Parameters:
    ///   - backend: performs the calls (``Backend/frontend(_:)`` with the Frontend API client).
    ///   - emailLinkRedirectURL: where email links land.
    ///   - oauthRedirectURL: where OAuth providers return the browser; enables social sign-in.
    ///   - openURL: opens the system browser, when allowed (locally, not over SSH).
    ///   - localFiles: the profile may read and write the user's files (not when served over SSH).
    ///   - keepSignedIn: the SSH front door's "Keep me signed in on this key" file, when it offers one.
    ///   - ticket: an invitation's ticket to accept on the sign-in card.
    ///   - passkeyAccess: whether passkeys can reach an authenticator (by default, when the terminal is local).
    ///   - cached: the previous run's environment and client, drawn at once while the loads are under way.
    public init(
        backend: Backend, emailLinkRedirectURL: String? = nil, oauthRedirectURL: String? = nil,
        openURL: (@Sendable (String) -> Void)? = nil, localFiles: Bool = false, keepSignedIn: KeepSignedIn? = nil,
        ticket: String? = nil, passkeyAccess: PasskeyAccess? = nil, cached: CachedView? = nil
    ) {
        var machine = PortalMachine(
            emailLinkRedirectURL: emailLinkRedirectURL, oauthRedirectURL: oauthRedirectURL, localFiles: localFiles,
            keepSignedIn: keepSignedIn, ticket: ticket, passkeyAccess: passkeyAccess)
        var runner = EffectRunner(backend: backend, openURL: openURL)
        let effects = machine.update(.start) + (cached.map { machine.update(.restore($0)) } ?? [])
        initialCommands = runner.commands(for: effects)
        self.machine = machine
        self.runner = runner
        refresh()
    }

    public func start() -> [Command] { initialCommands }

    public var minimumSize: Size { Size(width: 40, height: 16) }

    public var keyMap: KeyMap {
        let controls = machine.card.controls
        let focused = Self.control(at: focus, in: controls)
        let isSecret: Bool = if case .secret? = focused { true } else { false }
        let enterHelp: String =
            switch focused {
            case .text?, .secret?, .code?: "submit"
            case .checkbox?: "toggle"
            default: "select"
            }
        let copyKey = Self.copyBinding.enabled(focused?.field == nil && Self.copyControl(in: controls) != nil)
        return KeyMap(
            short: [
                KeyBinding(.tab, help: "next"), KeyBinding(.enter, help: enterHelp),
                KeyBinding(.escape, help: "back"), SecretField.revealBinding.enabled(isSecret), copyKey,
            ],
            full: [[KeyBinding(.tab, help: "next"), KeyBinding(.backTab, help: "previous")],
                [KeyBinding(.enter, help: enterHelp), KeyBinding(.escape, help: "back"), SecretField.revealBinding, copyKey]])
    }

    /// Uses the card's copy control (a hand-off's link, backup codes) from anywhere but a field, which takes `c` as text.
    static let copyBinding = KeyBinding(.character("c"), help: "copy")

    // MARK: Update

    public mutating func update(_ event: Event) -> EventResult {
        switch event {
        case .message(let message as PortalAnswer):
            var commands = message.isLocal ? [] : send(.clientChanged(message.client))
            commands += send(.response(message.id, message.outcome))
            return .handled(commands)
        case .tick(let tick):
            guard let (timer, rearm) = runner.fired(tick) else { return .ignored }
            return .handled(send(.timerFired(timer)) + (rearm.map { [$0] } ?? []))
        case .key, .paste:
            return handleInput(event)
        default:
            return .ignored
        }
    }

    /// Applies a machine event and returns the commands its effects need.
    mutating func send(_ event: PortalMachine.Event) -> [Command] {
        let effects = machine.update(event)
        let commands = runner.commands(for: effects)
        refresh()
        return commands
    }

    private mutating func send(optional event: PortalMachine.Event?) -> [Command] {
        event.map { send($0) } ?? []
    }

    private mutating func handleInput(_ event: Event) -> EventResult {
        let controls = machine.card.controls
        if event.isKey(.tab) || event.isKey(.down) { moveFocus(by: 1, in: controls); return .handled }
        if event.isKey(.backTab) || event.isKey(.up) { moveFocus(by: -1, in: controls); return .handled }
        if event.isKey(.escape) {
            guard let back = machine.backEvent else { return .ignored }
            return .handled(send(back))
        }
        if case .key(let key) = event, Self.copyBinding.matches(key), Self.control(at: focus, in: controls)?.field == nil,
           let (label, text) = Self.copyControl(in: controls) {
            return .handled(copy(text, label: label))
        }
        guard controls.indices.contains(focus) else { return .ignored }
        switch controls[focus] {
        case .text(let id, _, _, _, _, _):
            guard var field = widgets.texts[id], let change = field.update(event) else { return .ignored }
            widgets.texts[id] = field
            switch change {
            case .edited: return .handled(send(optional: machine.editEvent(id, field.text)))
            case .submitted: return .handled(send(optional: machine.submitEvent))
            case .moved: return .handled
            }
        case .secret(let id, _, _, _, _):
            guard var field = widgets.secrets[id], let change = field.update(event) else { return .ignored }
            widgets.secrets[id] = field
            switch change {
            case .edited: return .handled(send(optional: machine.editEvent(id, field.value)))
            case .submitted: return .handled(send(optional: machine.submitEvent))
            case .moved: return .handled
            }
        case .code(let id, _, _):
            guard var field = widgets.codes[id], let change = field.update(event) else {
                return event.isKey(.enter) ? .handled(send(optional: machine.submitEvent)) : .ignored
            }
            widgets.codes[id] = field
            switch change {
            case .edited: return .handled(send(optional: machine.editEvent(id, field.digits)))
            case .completed(let digits): return .handled(send(optional: machine.editEvent(id, digits)))
            }
        case .checkbox(_, _, let action):
            var box = Checkbox("")
            return box.update(event) ? .handled(send(action)) : .ignored
        case .button(let label, let action, let enabled):
            return Button(label, isEnabled: enabled).activates(event) ? .handled(send(action)) : .ignored
        case .option(let label, _, let action), .link(let label, _, let action, _):
            return Link(label).activates(event) ? .handled(send(action)) : .ignored
        case .copy(let label, let text):
            return Link(label).activates(event) ? .handled(copy(text, label: label)) : .ignored
        case .note, .section, .row:
            return .ignored
        }
    }

    private mutating func copy(_ text: String, label: String) -> [Command] {
        widgets.copied.insert(label)
        return [.copyToClipboard(text)]
    }

    private mutating func moveFocus(by step: Int, in controls: [Control]) {
        guard controls.contains(where: \.isFocusable) else { return }
        var index = focus
        repeat {
            index = (index + step + controls.count) % controls.count
        } while !controls[index].isFocusable
        focus = index
    }

    // MARK: View

    private static func control(at index: Int, in controls: [Control]) -> Control? {
        controls.indices.contains(index) ? controls[index] : nil
    }

    /// The card's first copy control, which `c` uses.
    private static func copyControl(in controls: [Control]) -> (label: String, text: String)? {
        for case .copy(let label, let text) in controls { return (label, text) }
        return nil
    }

    /// After every update: a new card starts with fresh widgets and focus on its first empty required field (so
    /// typing goes there even below "Continue with …" buttons, and past an address a sign-up took over), else on its
    /// first field (an edit form), else on its first control; widgets follow what the machine holds. A card whose fields come
    /// with an answer (a ticket sign-up learns what is missing) is focused again when they arrive.
    private mutating func refresh() {
        let card = machine.card
        let key = machine.route.cardKey
        let fields = card.controls.indices.filter { card.controls[$0].field != nil && card.controls[$0].isFocusable }
        if key != cardKey || (!cardHadFields && !fields.isEmpty) {
            if key != cardKey { widgets.reset() }
            cardKey = key
            let missing = fields.first { isEmpty(card.controls[$0]) && !card.controls[$0].isOptionalField }
            focus = missing ?? fields.first
                ?? card.controls.firstIndex(where: \.isFocusable) ?? 0
        }
        cardHadFields = !fields.isEmpty
        if !card.controls.indices.contains(focus) || !card.controls[focus].isFocusable {
            focus = card.controls.firstIndex(where: \.isFocusable) ?? 0
        }
        widgets.sync(with: card)
        for id in card.controls.compactMap(\.field) where machine.heldValue(id)?.isEmpty == true {
            widgets.clear(id)
        }
    }

    /// Whether the field `control` edits holds nothing yet.
    private func isEmpty(_ control: Control) -> Bool {
        if case .text(_, _, _, let value, _, _) = control { return value.isEmpty }
        return control.field.flatMap(machine.heldValue)?.isEmpty ?? true
    }

    public func view(into buffer: inout Buffer, area: Rect) {
        CardRenderer(card: machine.card, widgets: widgets, focus: focus, developmentBadge: machine.isDevelopment)
            .render(into: &buffer, area: area)
    }
}
