/// One thing to ask the user, independent of how it is asked. A flow's state machine says which
/// question is current; the full-screen UI shows it with widgets, `PlainPrompter` as a line prompt.
public struct Question: Sendable {
    public enum Kind: Sendable, Equatable {
        case text
        /// Read without echo; never repeated back.
        case secret
        /// A one-time code of this many digits; spaces and dashes are ignored.
        case code(length: Int)
        case choice([String])
        case confirm(default: Bool)
    }

    public var prompt: String
    public var kind: Kind
    /// Returns an error message for an unacceptable answer (text and secret only).
    public var validate: (@Sendable (String) -> String?)?

    public init(_ prompt: String, kind: Kind, validate: (@Sendable (String) -> String?)? = nil) {
        self.prompt = prompt
        self.kind = kind
        self.validate = validate
    }
}

/// What the user answered.
public enum Answer: Sendable, Equatable, CustomStringConvertible {
    case text(String)
    case secret(String)
    case code(String)
    case choice(Int)
    case confirm(Bool)

    public var description: String {
        switch self {
        case .text(let text): "text(\(text))"
        case .secret: "secret(redacted)"
        case .code: "code(redacted)"
        case .choice(let index): "choice(\(index))"
        case .confirm(let value): "confirm(\(value))"
        }
    }
}
