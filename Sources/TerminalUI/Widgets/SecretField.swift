/// A password input: masked with "•", Ctrl-R reveals it for as long as the user wants. The value
/// never appears in `description`, `debugDescription` or a mirror, so it cannot leak into logs.
public struct SecretField: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private var field: TextField
    public private(set) var isRevealed = false

    public static let mask: Character = "•"
    /// The reveal toggle, for keymaps.
    public static let revealBinding = KeyBinding(.ctrl("r"), help: "show/hide")

    public init(placeholder: String = "", hint: String? = nil, limit: Int? = nil) {
        field = TextField(placeholder: placeholder, hint: hint, limit: limit, echo: .masked(Self.mask))
    }

    /// The secret itself, for submitting; nothing else reads it.
    public var value: String { field.text }
    public var isEmpty: Bool { field.text.isEmpty }
    public var error: String? {
        get { field.error }
        set { field.error = newValue }
    }
    public var hint: String? {
        get { field.hint }
        set { field.hint = newValue }
    }
    public var height: Int { field.height }

    public mutating func update(_ event: Event) -> LineEditor.Change? {
        if case .key(let key) = event, Self.revealBinding.matches(key) {
            isRevealed.toggle()
            field.echo = isRevealed ? .normal : .masked(Self.mask)
            return .moved
        }
        return field.update(event)
    }

    /// Forgets the value (after submit), hiding it again.
    public mutating func clear() {
        field.editor.set("")
        isRevealed = false
        field.echo = .masked(Self.mask)
    }

    public func render(into buffer: inout Buffer, area: Rect, focused: Bool) {
        field.render(into: &buffer, area: area, focused: focused)
    }

    public var description: String { "SecretField(\(isEmpty ? "empty" : "redacted"))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["value": "redacted"]) }
}
