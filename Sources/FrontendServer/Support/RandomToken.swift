import Foundation

/// Random identifiers and secrets from the system CSPRNG.
enum RandomToken {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    /// `count` base62 characters (≈5.95 bits each), drawn without modulo bias.
    static func base62(_ count: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in alphabet[Int(rng.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// A Clerk-style public id: prefix plus 27 base62 characters (≈160 bits).
    static func id(_ prefix: IDPrefix) -> String { prefix.rawValue + "_" + base62(27) }

    /// An opaque bearer secret (≈256 bits).
    static func secret() -> String { base62(43) }

    /// `count` decimal digits, each uniform.
    static func digits(_ count: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in Character(String(rng.next(upperBound: UInt64(10)))) })
    }

    /// Raw random bytes.
    static func bytes(_ count: Int) -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
    }
}

/// Clerk's id prefixes.
enum IDPrefix: String {
    case client, sess, user, sia, sua, idn, ins, totp, bcode = "bc", outbox = "msg", verification = "ver", jti = "jti"
}
