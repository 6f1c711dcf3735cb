import Foundation

/// Random identifiers and secrets from the system CSPRNG.
enum RandomToken {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// `count` base62 characters (≈5.95 bits each), drawn without modulo bias.
    static func base62(_ count: Int) -> String {
        // One CSPRNG read per batch of bytes (not one system call per character); bytes ≥ 248 are rejected so that
        // `byte % 62` stays uniform.
        var result: [UInt8] = []
        result.reserveCapacity(count)
        while result.count < count {
            for byte in bytes(count + 8) where byte < 248 && result.count < count {
                result.append(alphabet[Int(byte % 62)])
            }
        }
        return String(decoding: result, as: UTF8.self)
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
        // The kernel CSPRNG (getrandom) in one call for the whole buffer.
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { if let base = $0.baseAddress { arc4random_buf(base, $0.count) } }
        return bytes
    }
}

/// Clerk's id prefixes.
enum IDPrefix: String {
    case client, sess, user, sia, sua, idn, ins, totp, bcode = "bc", outbox = "msg", verification = "ver", jti = "jti", eac
    case org, orgmem, orginv, orgsugg, orgreq, orgdmn, pk
    case inv, wle
}
