import FrontendAPI

/// A flow that can wait for an email link (sign-in's first factor, sign-up's email verification): while it waits,
/// its card re-reads the sign-in or sign-up every second until the link's verification is verified or expires.
protocol EmailLinkFlow: TrackedFlow {
    /// `false` while the card waits for the link, `true` once the link expired, nil on any other card.
    var linkExpired: Bool? { get set }
    /// Re-reads the sign-in or sign-up the link verifies.
    var reloadCall: BackendCall? { get }
    /// The purpose of the re-reads.
    var pollPurpose: Purpose { get }
    var errors: FormErrors { get set }
}

extension EmailLinkFlow {
    var pollTimer: TimerID { requests.timer(.poll) }

    /// Starts re-reading every second.
    func startPolling() -> FlowEffect<Outcome> { .startTimer(pollTimer, every: .seconds(1), repeats: true) }

    /// A poll tick: re-reads, unless the link expired or a read is still on its way.
    mutating func pollLink() -> [FlowEffect<Outcome>] {
        guard linkExpired == false, let call = reloadCall, !requests.contains(pollPurpose) else { return [] }
        return [requests.send(call, pollPurpose)]
    }

    /// What a re-read says of the link: `verified` continues the flow; an expired link stops the polling and says so.
    mutating func linkRead(
        _ status: VerificationStatus?, verified: (inout Self) -> [FlowEffect<Outcome>]
    ) -> [FlowEffect<Outcome>] {
        guard linkExpired == false else { return [] }
        switch status {
        case .verified:
            return verified(&self)
        case .expired:
            linkExpired = true
            errors.card = Copy.Field.verificationLinkExpired
            return [.cancelTimer(pollTimer)]
        default:
            return []
        }
    }

    /// A new link was sent: wait again, restarting the polling if the old link had expired.
    mutating func linkResent() -> [FlowEffect<Outcome>] {
        let wasExpired = linkExpired == true
        linkExpired = false
        guard wasExpired else { return [] }
        errors = .none
        return [startPolling()]
    }

    /// Leaving the card: stops the polling and drops a read on its way.
    mutating func stopPolling() -> [FlowEffect<Outcome>] {
        let poll = pollPurpose
        requests.forget { $0 == poll }
        return [.cancelTimer(pollTimer)]
    }
}
