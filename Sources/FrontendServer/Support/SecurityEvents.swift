import Logging
import Synchronization

/// What a request's handler learned that its security event should carry: the user, the factor, a lock it set.
/// Ids and outcomes only, never a secret.
final class SecurityNotes: Sendable {
    private let metadata = Mutex<Logger.Metadata>([:])

    func note(_ key: String, _ value: String) {
        metadata.withLock { $0[key] = .string(value) }
    }

    var all: Logger.Metadata { metadata.withLock { $0 } }
}

/// Security events: one `notice` line per refused proof, lockout, throttled request, foreign origin or unknown
/// token, with the client address (the logger's `ip`), the trace id, the path and what the handler noted.
/// `notice` is shown by `serve` by default; the embedded instance of the portal keeps it quiet (`warning`).
enum SecurityEvent {
    /// The event a refusal code stands for, or nil for refusals that are no security event.
    static func name(code: String) -> String? {
        switch code {
        case "form_password_incorrect", "form_code_incorrect", "verification_failed", "passkey_verification_failed",
             "passkey_not_found": "proof_failed"
        case "user_locked": "locked_account_refused"
        case "too_many_requests": "rate_limited"
        case "origin_invalid": "origin_invalid"
        case "authentication_invalid": "client_token_invalid"
        case "ticket_invalid_code": "ticket_invalid"
        case "session_reverification_required": "reverification_required"
        default: nil
        }
    }

    static func log(code: String, path: String, notes: SecurityNotes?, logger: Logger) {
        guard let event = name(code: code) else { return }
        var metadata: Logger.Metadata = ["event": .string(event), "code": .string(code), "path": .string(path)]
        metadata.merge(notes?.all ?? [:]) { _, noted in noted }
        logger.notice("security event", metadata: metadata)
    }
}
