/// The event loop, on one thread: wait for input, timers or async results → `update` → `view` →
/// draw. Several events that arrive together are applied before one redraw.
final class Runtime<M: Model> {
    private(set) var model: M
    private let backend: any TerminalBackend
    private let inbox = Inbox()
    private let clock = ContinuousClock()
    private var timers: [String: ContinuousClock.Instant] = [:]
    private var requests = RequestRegistry()
    private var tasks: [String: Task<Void, Never>] = [:]
    private var quitting = false
    private(set) var stats = FrameStats()

    init(model: M, backend: any TerminalBackend) {
        self.model = model
        self.backend = backend
    }

    /// Runs until a `.quit` command (returns nil) or a terminating signal (returns it).
    func run() -> Int32? {
        perform(model.start())
        var lastSize: Size?
        while !quitting {
            let size = backend.size
            if size != lastSize {
                if lastSize != nil { apply(.resize(size)) }
                lastSize = size
            }
            render()
            if quitting { break }
            for input in backend.waitForInput(timeout: timeUntilNextTimer(), wakeFD: inbox.wakeFD) {
                switch input {
                case .event(.resize(let newSize)):
                    lastSize = newSize
                    apply(.resize(newSize))
                case .event(let event):
                    apply(event)
                case .terminate(let signal):
                    cancelAll()
                    return signal
                }
            }
            for event in inbox.drain() { deliver(event) }
            fireDueTimers()
        }
        cancelAll()
        return nil
    }

    private func apply(_ event: Event) {
        perform(model.update(event))
    }

    /// Results of keyed runs are unwrapped here and dropped when stale.
    private func deliver(_ event: Event) {
        guard case .message(let message) = event, let result = message as? RunResult else {
            apply(event)
            return
        }
        if let key = result.key { tasks[key] = nil }
        guard requests.finish(key: result.key, id: result.id), let value = result.value else { return }
        apply(.message(value))
    }

    private func perform(_ commands: [Command]) {
        for command in commands {
            switch command {
            case .quit:
                quitting = true
            case .run(let key, let operation):
                start(key: key, operation: operation)
            case .cancel(let key):
                requests.cancel(key: key)
                tasks.removeValue(forKey: key)?.cancel()
            case .tick(let tick, let delay):
                timers[tick.id] = clock.now.advanced(by: delay)
            case .setMouse(let enabled):
                backend.setMouse(enabled)
            case .copyToClipboard(let text):
                backend.copyToClipboard(text)
            case .push, .pop, .replace:
                // Only meaningful to a ScreenStack, which consumes them before they get here.
                break
            }
        }
    }

    private func start(key: String?, operation: @escaping @Sendable () async -> (any Sendable)?) {
        let id = requests.begin(key: key)
        let inbox = self.inbox
        let task = Task.detached {
            let value = await operation()
            inbox.post(.message(RunResult(key: key, id: id, value: value)))
        }
        if let key { tasks.updateValue(task, forKey: key)?.cancel() }
    }

    private func timeUntilNextTimer() -> Duration? {
        guard let next = timers.values.min() else { return nil }
        return max(.zero, clock.now.duration(to: next))
    }

    private func fireDueTimers() {
        let now = clock.now
        let due = timers.filter { $0.value <= now }.sorted { $0.value < $1.value }
        for (id, _) in due {
            timers[id] = nil
            apply(.tick(Tick(id)))
        }
    }

    private func render() {
        let started = clock.now
        let buffer = model.frame(size: backend.size)
        let built = clock.now
        backend.draw(buffer)
        stats.frames += 1
        stats.viewTime += started.duration(to: built)
        stats.drawTime += built.duration(to: clock.now)
    }

    private func cancelAll() {
        for task in tasks.values { task.cancel() }
        tasks.removeAll()
    }
}

/// An async result on its way back, tagged so stale ones can be recognised.
private struct RunResult: Sendable {
    var key: String?
    var id: Int
    var value: (any Sendable)?
}
