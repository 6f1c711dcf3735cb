import Foundation
import HummingbirdOTP

/// RFC 6238 TOTP: SHA-1, 6 digits, 30-second steps, accepting one step either side.
enum TOTPCode {
    static let period: Int64 = 30

    /// A fresh secret of 32 base62 characters (≈190 bits); its UTF-8 bytes are the HMAC key.
    static func newSecret() -> String { RandomToken.base62(32) }

    static func step(at date: Date) -> Int64 { Int64(date.timeIntervalSince1970) / period }

    static func code(secret: String, step: Int64) -> String {
        let value = HOTP(secret: secret).compute(counter: UInt64(step))
        let text = String(value)
        return String(repeating: "0", count: max(0, 6 - text.count)) + text
    }

    /// The step whose code matches, trying the current one first, or nil.
    static func matchingStep(secret: String, code: String, at date: Date) -> Int64? {
        let now = step(at: date)
        return [now, now - 1, now + 1].first { ConstantTime.equals(self.code(secret: secret, step: $0), code) }
    }

    /// The secret as stored: sealed with the data key, bound to its user.
    static func seal(_ secret: String, userID: String, dataKey: DataKey) throws -> String {
        try dataKey.seal(secret, context: "totp:" + userID)
    }

    static func open(_ stored: String, userID: String, dataKey: DataKey) throws -> String {
        try dataKey.open(stored, context: "totp:" + userID)
    }

    /// The `otpauth://` URI authenticator apps scan.
    static func uri(secret: String, issuer: String, account: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: "\(issuer):\(account)", issuer: issuer)
    }
}
