/// A stack of screens with a help bar, itself a `Model`. The top screen gets input; messages and
/// ticks go to every screen (a covered screen may still be waiting for a result).
public struct ScreenStack: Model {
    public private(set) var screens: [any Screen]
    /// Whether `?` has expanded the help bar.
    public private(set) var showsFullHelp = false

    public init(root: any Screen) {
        screens = [root]
    }

    public var top: any Screen { screens[screens.count - 1] }

    public var minimumSize: Size {
        let size = top.minimumSize
        return Size(width: size.width, height: size.height + 1)
    }

    /// The global bindings, after the top screen's.
    public var keyMap: KeyMap {
        let global = [
            KeyBinding(.character("?"), help: showsFullHelp ? "less" : "more"),
            KeyBinding(.escape, help: "back", isEnabled: screens.count > 1),
            KeyBinding(.ctrl("c"), help: "quit"),
        ]
        return top.keyMap.merged(with: KeyMap(short: global, full: [global]))
    }

    public func start() -> [Command] {
        top.start()
    }

    public mutating func update(_ event: Event) -> [Command] {
        switch event {
        case .key, .paste, .mouse:
            switch screens[screens.count - 1].update(event) {
            case .handled(let commands): return navigate(commands)
            case .ignored: return globalKey(event)
            }
        case .resize, .tick, .message:
            var commands: [Command] = []
            for index in screens.indices.reversed() {
                if case .handled(let more) = screens[index].update(event) { commands += more }
            }
            return navigate(commands)
        }
    }

    public func view(into buffer: inout Buffer) {
        let help = HelpBar(keyMap: keyMap, showsAll: showsFullHelp)
        let (body, bar) = buffer.area.takingBottom(help.height(width: buffer.area.width))
        top.view(into: &buffer, area: body)
        help.render(into: &buffer, area: bar)
    }

    private mutating func globalKey(_ event: Event) -> [Command] {
        guard case .key(let key) = event else { return [] }
        switch key {
        case .character("?"):
            showsFullHelp.toggle()
        case .escape where screens.count > 1:
            return navigate([.pop])
        case .ctrl("c"):
            return [.quit]
        default:
            break
        }
        return []
    }

    /// Applies navigation commands and passes the rest on.
    private mutating func navigate(_ commands: [Command]) -> [Command] {
        var remaining: [Command] = []
        for command in commands {
            switch command {
            case .push(let screen):
                screens.append(screen)
                remaining += navigate(screen.start())
            case .pop:
                if screens.count > 1 { screens.removeLast() }
            case .replace(let screen):
                screens[screens.count - 1] = screen
                remaining += navigate(screen.start())
            default:
                remaining.append(command)
            }
        }
        return remaining
    }
}
