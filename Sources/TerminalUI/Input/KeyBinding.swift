/// Keys bound to one action, with the words the help bar shows for it (bubbles' `key.Binding`).
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    /// How the keys are shown in help, e.g. "↑/k" (defaults to the first key's name).
    public var label: String
    public var help: String
    /// Disabled bindings neither match nor appear in help.
    public var isEnabled: Bool

    public init(_ keys: [Key], label: String? = nil, help: String, isEnabled: Bool = true) {
        self.keys = keys
        self.label = label ?? keys.first.map { KeyBinding.symbol(for: $0) } ?? ""
        self.help = help
        self.isEnabled = isEnabled
    }

    public init(_ key: Key, label: String? = nil, help: String, isEnabled: Bool = true) {
        self.init([key], label: label, help: help, isEnabled: isEnabled)
    }

    public func matches(_ key: Key) -> Bool {
        isEnabled && keys.contains(key)
    }

    public func enabled(_ enabled: Bool) -> KeyBinding {
        var copy = self
        copy.isEnabled = enabled
        return copy
    }

    private static func symbol(for key: Key) -> String {
        switch key {
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        default: key.description
        }
    }
}

/// The bindings a screen offers: a short line for the help bar and columns for full help.
public struct KeyMap: Hashable, Sendable {
    public var short: [KeyBinding]
    public var full: [[KeyBinding]]

    public init(short: [KeyBinding], full: [[KeyBinding]]? = nil) {
        self.short = short
        self.full = full ?? [short]
    }

    /// The first enabled binding that matches `key`.
    public func binding(for key: Key) -> KeyBinding? {
        full.joined().first { $0.matches(key) } ?? short.first { $0.matches(key) }
    }

    /// Another map's bindings appended (e.g. a screen's plus the stack's global keys).
    public func merged(with other: KeyMap) -> KeyMap {
        KeyMap(short: short + other.short, full: full + other.full)
    }
}
