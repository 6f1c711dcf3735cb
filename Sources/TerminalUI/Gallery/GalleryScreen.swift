/// A small form with one of each input widget: the target of the tmux tests and the frame
/// benchmark, which an application shows from a hidden command.
public struct GalleryScreen: Screen {
    enum Focus: Hashable, Sendable {
        case name, password, code, remember, color, submit
    }

    /// Posted when the pretend save finishes.
    struct Saved: Sendable {}

    public private(set) var form = GalleryForm()
    private var focus = FocusRing<Focus>([.name, .password, .code, .remember, .color, .submit])
    private var name = TextField(placeholder: "Your name", limit: 256)
    private var password = SecretField(placeholder: "Password")
    private var code = CodeField(length: GalleryForm.codeLength)
    private var remember = Checkbox("Remember this device")
    private var color = SelectList(options: GalleryForm.colors.enumerated().map { SelectOption(id: "\($0.offset)", label: $0.element) })
    private let submit = Button("Continue")
    private var banner: Banner?
    private var dialog: ConfirmDialog?
    private var spinner: Spinner?
    private var toast: Toast?

    /// A key that deliberately traps, so tests can check the terminal survives a Swift runtime trap.
    private let trapKey: Key?

    public init(trapKey: Key? = nil) {
        self.trapKey = trapKey
    }

    public var minimumSize: Size { Size(width: 40, height: 11) }

    public var keyMap: KeyMap {
        let next = KeyBinding(.tab, help: "next")
        let back = KeyBinding(.backTab, help: "back")
        let reveal = SecretField.revealBinding.enabled(focus.isFocused(.password))
        let toggle = KeyBinding(.character(" "), help: "toggle", isEnabled: focus.isFocused(.remember))
        let move = KeyBinding([.up, .down], label: "↑/↓", help: focus.isFocused(.color) ? "choose" : "move")
        let enter = KeyBinding(.enter, help: focus.isFocused(.submit) ? "submit" : "next")
        return KeyMap(short: [next, enter, reveal, toggle], full: [[next, back, move], [enter, reveal, toggle]])
    }

    public mutating func update(_ event: Event) -> EventResult {
        switch event {
        case .tick:
            var commands: [Command] = []
            if let next = spinner?.update(event) { commands.append(next) }
            if toast?.expires(on: event) == true { toast = nil }
            return .handled(commands)
        case .message(let message) where message is Saved:
            spinner = nil
            let (shown, expiry) = Toast.show(Banner(.success, "Saved"))
            toast = shown
            return .handled([expiry])
        case .key(let key) where key == trapKey:
            fatalError("ui-gallery: deliberate trap on \(key)")
        case .key, .paste:
            if dialog != nil { return updateDialog(event) }
            if focus.handle(event) { return .handled }
            return updateFocused(event)
        default:
            return .ignored
        }
    }

    private mutating func updateDialog(_ event: Event) -> EventResult {
        switch dialog?.update(event) {
        case .confirmed:
            dialog = nil
            let saving = Spinner(id: "gallery.save", label: "Saving…")
            spinner = saving
            return .handled([saving.start, .run(key: "gallery.save") {
                try? await Task.sleep(for: .milliseconds(600))
                return Saved()
            }])
        case .cancelled:
            dialog = nil
        case nil:
            break
        }
        return .handled
    }

    private mutating func updateFocused(_ event: Event) -> EventResult {
        let change: Bool
        switch focus.current {
        case .name:
            let result = name.update(event)
            form.name = name.text
            if result == .submitted { focus.next() }
            change = result != nil
        case .password:
            let result = password.update(event)
            form.password = password.value
            if result == .submitted { focus.next() }
            change = result != nil
        case .code:
            let result = code.update(event)
            form.code = code.digits
            if case .completed = result { focus.next() }
            change = result != nil
        case .remember:
            change = remember.update(event)
            form.remember = remember.isChecked
            if event.isKey(.enter) { focus.next() }
        case .color:
            let result = color.update(event)
            if case .selected(let option) = result {
                form.color = Int(option.id)
                focus.next()
            }
            change = result != nil
        case .submit:
            change = submit.activates(event)
            if change { pressSubmit() }
        }
        if change { return .handled }
        // Arrows move between fields wherever the field does not use them itself.
        if event.isKey(.down) { focus.next(); return .handled }
        if event.isKey(.up) { focus.previous(); return .handled }
        // A paste never falls through to hotkeys.
        if case .paste = event { return .handled }
        return .ignored
    }

    private mutating func pressSubmit() {
        if let problem = form.problem {
            banner = Banner(.danger, problem)
            return
        }
        banner = nil
        dialog = ConfirmDialog(title: "Save answers", message: "Save these answers? Nothing leaves this computer.", confirmLabel: "Save")
    }

    public func view(into buffer: inout Buffer, area: Rect) {
        let rows = area.inset(by: .horizontal(1))
        let labelWidth = 10
        func labelled(_ label: String, _ row: Int) -> Rect {
            buffer.write(label, in: rows.row(row).takingLeft(labelWidth).0, style: .fg(.muted))
            return rows.row(row).takingLeft(labelWidth).1
        }
        buffer.write("Terminal UI gallery", in: rows.row(0), style: .fg(.primary, .bold))
        name.render(into: &buffer, area: labelled("Name", 1), focused: focus.isFocused(.name) && dialog == nil)
        password.render(into: &buffer, area: labelled("Password", 2), focused: focus.isFocused(.password) && dialog == nil)
        let codeArea = labelled("Code", 3)
        code.render(into: &buffer, area: codeArea.takingLeft(2).1, focused: focus.isFocused(.code) && dialog == nil)
        remember.render(into: &buffer, area: rows.row(4).takingLeft(labelWidth).1, focused: focus.isFocused(.remember))
        let colorArea = Rect(x: rows.x + labelWidth, y: rows.y + 5, width: rows.width - labelWidth, height: 3)
        _ = labelled("Color", 5)
        color.render(into: &buffer, area: colorArea.intersection(rows), focused: focus.isFocused(.color) && dialog == nil)
        submit.render(into: &buffer, area: rows.row(8).takingLeft(labelWidth).1, focused: focus.isFocused(.submit))
        let message = rows.row(9)
        if let spinner {
            spinner.render(into: &buffer, area: message)
        } else if let banner {
            banner.render(into: &buffer, area: message)
        }
        buffer.write(DisplayWidth.truncate(form.status, to: rows.width), in: rows.row(rows.height - 1), style: .fg(.muted))
        if let toast { toast.render(into: &buffer, area: area.inset(by: Padding(bottom: 1))) }
        if let dialog {
            buffer.cursor = nil
            dialog.render(into: &buffer, area: area)
        }
    }
}

extension Event {
    /// True for a press of exactly `key`.
    public func isKey(_ key: Key) -> Bool {
        if case .key(let pressed) = self { return pressed == key }
        return false
    }
}
