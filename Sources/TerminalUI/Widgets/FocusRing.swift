/// Which of a screen's controls has focus; Tab and Shift-Tab walk the order, wrapping around.
public struct FocusRing<ID: Hashable & Sendable>: Hashable, Sendable {
    public var order: [ID]
    public private(set) var current: ID

    public init(_ order: [ID]) {
        precondition(!order.isEmpty, "a focus ring needs at least one control")
        self.order = order
        current = order[0]
    }

    public func isFocused(_ id: ID) -> Bool { current == id }

    public mutating func focus(_ id: ID) {
        if order.contains(id) { current = id }
    }

    public mutating func next() { step(1) }
    public mutating func previous() { step(-1) }

    /// Handles Tab/Shift-Tab; true when focus moved.
    public mutating func handle(_ event: Event) -> Bool {
        switch event {
        case .key(.tab): next()
        case .key(.backTab): previous()
        default: return false
        }
        return true
    }

    private mutating func step(_ delta: Int) {
        let index = order.firstIndex(of: current) ?? 0
        current = order[(index + delta + order.count) % order.count]
    }
}
