/// Drives a model without a terminal: send events, collect commands, render frames. For unit and
/// snapshot tests of screens (teatest's idea, minus the virtual terminal).
public struct TestTerminal<M: Model> {
    public private(set) var model: M
    public var size: Size
    /// Every command the model returned, in order.
    public private(set) var commands: [Command] = []

    public init(_ model: M, size: Size = Size(width: 80, height: 24)) {
        self.model = model
        self.size = size
        commands = model.start()
    }

    /// Applies events in order.
    public mutating func send(_ events: Event...) {
        for event in events { commands += model.update(event) }
    }

    /// Types `text` one key per grapheme.
    public mutating func type(_ text: String) {
        for character in text { send(.key(.character(character))) }
    }

    /// Resizes, telling the model as the runtime would.
    public mutating func resize(_ newSize: Size) {
        size = newSize
        send(.resize(newSize))
    }

    /// The current frame, including the "terminal too small" notice.
    public func frame() -> Buffer {
        model.frame(size: size)
    }

    /// The frame as snapshot text.
    public func snapshot(theme: Theme? = nil, level: ColorLevel = .ansi256) -> String {
        TestBackend.render(frame(), theme: theme, level: level)
    }
}
