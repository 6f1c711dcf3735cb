/// The widget gallery's form as a small state machine that both front ends drive: the
/// full-screen `GalleryScreen` through widgets, the plain mode through `Question`s.
public struct GalleryForm: Sendable {
    public enum Field: CaseIterable, Sendable {
        case name, password, code, remember, color
    }

    /// Includes CJK and emoji so width handling is exercised wherever the gallery runs.
    public static let colors = ["Purple", "Green", "Yellow", "紫色 (CJK)", "Party 🎉"]
    public static let codeLength = 6

    public var name = ""
    public var password = ""
    public var code = ""
    public var remember = false
    public var color: Int?

    public init() {}

    public func question(for field: Field) -> Question {
        switch field {
        case .name: Question("Name", kind: .text) { $0.isEmpty ? "Enter a name." : nil }
        case .password: Question("Password", kind: .secret)
        case .code: Question("Verification code", kind: .code(length: Self.codeLength))
        case .remember: Question("Remember this device?", kind: .confirm(default: false))
        case .color: Question("Favorite color", kind: .choice(Self.colors))
        }
    }

    public mutating func apply(_ answer: Answer) {
        switch answer {
        case .text(let text): name = text
        case .secret(let secret): password = secret
        case .code(let digits): code = digits
        case .confirm(let value): remember = value
        case .choice(let index): color = index
        }
    }

    /// What stops submitting, if anything.
    public var problem: String? {
        name.isEmpty ? "Enter a name." : nil
    }

    /// One line about the answers: lengths and choices only, never a secret's content or length.
    public var status: String {
        var parts = ["Name: \(name.count) chars"]
        parts.append("Password: " + (password.isEmpty ? "empty" : "entered"))
        parts.append("Code: \(code.count)/\(Self.codeLength)")
        if remember { parts.append("Remember") }
        if let color { parts.append("Color: \(Self.colors[color])") }
        return parts.joined(separator: " · ")
    }
}
