import FrontendAPI
import Portal
import TerminalUI

/// Turns portal effects into TerminalUI commands: backend calls run off the UI thread and come back
/// as `PortalAnswer` messages; machine timers become ticks, re-armed while they repeat.
struct EffectRunner {
    let backend: Backend
    /// Opens a URL in the system browser; nil where that is not allowed (over SSH, no display).
    let openURL: (@Sendable (String) -> Void)?
    private var timers: [String: (id: TimerID, every: Duration, repeats: Bool)] = [:]

    init(backend: Backend, openURL: (@Sendable (String) -> Void)?) {
        self.backend = backend
        self.openURL = openURL
    }

    /// The commands for `effects`.
    mutating func commands(for effects: [PortalMachine.Effect]) -> [Command] {
        var commands: [Command] = []
        for effect in effects {
            switch effect {
            case .call(let id, let call):
                let backend = backend
                commands.append(
                    .run {
                        let outcome = await backend.perform(call)
                        return PortalAnswer(id: id, outcome: outcome, client: await backend.currentClient())
                    })
            case .startTimer(let id, let every, let repeats):
                let key = Self.tickID(id)
                timers[key] = (id, every, repeats)
                commands.append(.tick(Tick(key), after: every))
            case .cancelTimer(let id):
                timers[Self.tickID(id)] = nil
            case .openExternally(let url):
                if let openURL {
                    commands.append(
                        .run {
                            openURL(url)
                            return nil
                        })
                }
            case .saveFile(let id, let path, let contents):
                commands.append(
                    .run {
                        PortalAnswer(id: id, outcome: PrivateFile.write(contents, to: path), client: nil, isLocal: true)
                    })
            case .removeFile(let id, let path):
                commands.append(.run { PortalAnswer(id: id, outcome: PrivateFile.remove(path), client: nil, isLocal: true) })
            case .finish(let never):
                switch never {}
            }
        }
        return commands
    }

    /// The machine timer behind `tick`, and the command re-arming it when it repeats; nil for ticks
    /// that are not (or no longer) portal timers.
    mutating func fired(_ tick: Tick) -> (TimerID, Command?)? {
        guard let timer = timers[tick.id] else { return nil }
        if !timer.repeats { timers[tick.id] = nil }
        return (timer.id, timer.repeats ? .tick(tick, after: timer.every) : nil)
    }

    static func tickID(_ id: TimerID) -> String { "portal.\(id)" }
}

/// A backend answer on its way back to the UI thread, with the client as the call left it.
struct PortalAnswer: Sendable {
    let id: RequestID
    let outcome: BackendOutcome
    let client: Client?
    /// A local effect's answer (a file save): the client did not change.
    var isLocal = false
}
