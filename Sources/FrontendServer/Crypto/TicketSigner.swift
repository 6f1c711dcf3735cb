import Crypto
import Foundation
import FrontendAPI

/// Clerk's tickets (spec `acceptTicket`: "the JWT with verification information"): compact JWTs that name the thing a
/// link vouches for, here an organization invitation, and when the link stops working.
///
/// They are HS256, keyed by a key derived from the instance pepper rather than signed with the RS256 session keys:
/// only this server ever verifies a ticket, an invitation lives 30 days while a rotated session key leaves the ring
/// minutes after its last session token, and a deterministic signature gives the same ticket for the same invitation
/// on every read, so an invitation's link can be shown again without storing the ticket anywhere. A ticket is single
/// use because the invitation it names is: once accepted or revoked, every ticket for it is refused. Signatures are
/// compared in constant time.
struct TicketSigner: Sendable {
    /// What a ticket says: the source it stands for (`sid`, e.g. an `orginv_…`), the source's kind (`st`), and its
    /// lifetime in epoch seconds.
    struct Claims: Codable, Equatable, Sendable {
        var sid: String
        var st: String
        var iat: Int64
        var exp: Int64

        /// True from `exp` on.
        func isExpired(atMS now: Int64) -> Bool { now / 1000 >= exp }
    }

    /// Why a ticket was refused: not one this instance issued (or mangled), or past its `exp`.
    enum Failure: Error, Equatable { case invalid, expired }

    /// The only header issued, so the only one accepted: no `alg` to negotiate (`none`, RS256 confusion).
    private static let encodedHeader = Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8).base64URLEncodedString()
    /// Longer input is refused before any decoding work.
    static let maxLength = 2048

    private let key: SymmetricKey

    /// `pepper`: the instance secret; the ticket key is derived from it under its own label, so it is never used for
    /// anything else.
    init(pepper: SymmetricKey) {
        key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Data("clerk-tui ticket signing key v1".utf8), using: pepper))
    }

    func issue(_ claims: Claims) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let signingInput = Self.encodedHeader + "." + (try encoder.encode(claims)).base64URLEncodedString()
        return signingInput + "." + Data(signature(signingInput)).base64URLEncodedString()
    }

    /// The claims of a ticket this instance issued, whatever its expiry (callers decide what an expired ticket means;
    /// see `verify(_:nowMS:)`).
    func verify(_ token: String) throws(Failure) -> Claims {
        guard token.utf8.count <= Self.maxLength else { throw .invalid }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == Self.encodedHeader,
              let presented = Data(base64URLEncoded: String(parts[2])) else { throw .invalid }
        let expected = signature(parts[0] + "." + parts[1])
        guard ConstantTime.equals(expected, Array(presented)) else { throw .invalid }
        guard let payload = Data(base64URLEncoded: String(parts[1])),
              let claims = try? JSONDecoder().decode(Claims.self, from: payload) else { throw .invalid }
        return claims
    }

    /// The claims of a valid ticket that has not expired at `now` (epoch ms).
    func verify(_ token: String, nowMS now: Int64) throws(Failure) -> Claims {
        let claims = try verify(token)
        guard !claims.isExpired(atMS: now) else { throw .expired }
        return claims
    }

    private func signature(_ signingInput: some StringProtocol) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: key))
    }
}
