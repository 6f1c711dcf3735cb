import FrontendAPI

/// What a machine asks the runtime to do. Machines never perform effects themselves.
///
/// `Outcome` is how the flow ends (signed in, transfer to sign-up, …); the parent machine consumes it.
public enum FlowEffect<Outcome: Sendable & Equatable>: Sendable, Equatable {
    /// Perform one Frontend API call and answer with a `response` event carrying the same id.
    case call(RequestID, BackendCall)
    /// Start (or restart) a timer; the runtime answers with `timerFired` events.
    case startTimer(TimerID, every: Duration, repeats: Bool)
    case cancelTimer(TimerID)
    /// Show `url` in the system browser, where the runtime may (locally, not over SSH).
    case openExternally(String)
    /// Write `contents` to the file at `path`, readable only by the user (0600), and answer with a
    /// `response` event carrying the same id (`.done`, or a failure explaining why not).
    case saveFile(RequestID, path: String, contents: SecretText)
    /// Remove the file at `path` (gone already is fine) and answer like `saveFile`.
    case removeFile(RequestID, path: String)
    /// The flow is over.
    case finish(Outcome)
}

extension FlowEffect {
    /// A child's call or timer effect, re-labelled for its parent; `nil` for `finish`, which the parent
    /// handles itself.
    public func forwarded<Other>() -> FlowEffect<Other>? {
        switch self {
        case .call(let id, let call): .call(id, call)
        case .startTimer(let id, let every, let repeats): .startTimer(id, every: every, repeats: repeats)
        case .cancelTimer(let id): .cancelTimer(id)
        case .openExternally(let url): .openExternally(url)
        case .saveFile(let id, let path, let contents): .saveFile(id, path: path, contents: contents)
        case .removeFile(let id, let path): .removeFile(id, path: path)
        case .finish: nil
        }
    }

    /// The child's outcome, if this effect ends the child's flow.
    public var outcome: Outcome? {
        if case .finish(let outcome) = self { outcome } else { nil }
    }
}

/// The answer to a ``FlowEffect/call(_:_:)``.
public typealias BackendOutcome = Result<BackendResult, PortalFailure>
