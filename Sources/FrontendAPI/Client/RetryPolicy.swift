import Foundation

/// One retry for requests that failed in a way a second attempt can fix, as clerk-ios does
/// (`Networking/Middleware/ClerkRateLimitRetryMiddleware.swift`): statuses 408/425/429/500/502/503/504 and lost
/// connections, after the server's `Retry-After` (seconds or HTTP-date), else `X-RateLimit-Reset`, else 0.5 s,
/// clamped to [0.1 s, 5 s].
///
/// Unlike clerk-ios, a request that is not idempotent is retried only when the server cannot have acted
/// on it: 425/429 answers and connections that never opened; and an answer whose server delay is longer
/// than the cap is not retried at all (the retry would be refused again): the caller gets it at once, with
/// its `Retry-After`, and can show the wait.
struct RetryPolicy: Sendable {
    static let maximumAttempts = 2
    /// The longest silent wait before a retry.
    static let maximumDelay: TimeInterval = 5

    /// The delay before retrying after `response`, or `nil` if it should not be retried.
    static func delay(after response: HTTPResponse, idempotent: Bool, now: Date = Date()) -> Duration? {
        switch response.status {
        case 425, 429: break
        case 408, 500, 502, 503, 504: guard idempotent else { return nil }
        default: return nil
        }
        let wait = serverDelay(response.headers, now: now) ?? 0.5
        return wait > maximumDelay ? nil : clamp(wait)
    }

    /// The delay before retrying after `error`, or `nil` if it should not be retried.
    static func delay(after error: TransportError, idempotent: Bool) -> Duration? {
        switch error.kind {
        case .cannotConnect: clamp(0.5)
        case .connectionLost, .timedOut: idempotent ? clamp(0.5) : nil
        default: nil
        }
    }

    /// `Retry-After` as seconds or an HTTP-date, else `X-RateLimit-Reset` as Unix seconds.
    static func serverDelay(_ headers: HTTPHeaders, now: Date = Date()) -> TimeInterval? {
        if let value = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces) {
            if let seconds = TimeInterval(value), seconds.isFinite { return seconds }
            if let date = httpDate(value) { return date.timeIntervalSince(now) }
        }
        if let value = headers["X-RateLimit-Reset"], let reset = TimeInterval(value) {
            return reset - now.timeIntervalSince1970
        }
        return nil
    }

    private static func clamp(_ seconds: TimeInterval) -> Duration {
        .milliseconds(Int((min(max(seconds, 0.1), maximumDelay) * 1000).rounded()))
    }

    private static func httpDate(_ value: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE',' dd MMM yyyy HH':'mm':'ss zzz"
        return formatter.date(from: value)
    }
}
