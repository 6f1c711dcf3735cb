import Foundation
import FrontendAPI
import SQLKit

/// Who a request authenticated with `Authorization: Bearer <session token>` acts as (clerk-js's API keys calls, which
/// go to the Frontend API proxy with the session's token instead of the client's): a token this instance signed
/// (RS256, a published `kid`, this issuer), not expired, for an active session of a user who may sign in. A pending
/// session (`sts: pending`) has tasks to finish first and is refused like a signed-out one, as Clerk's backend SDKs
/// treat it. Any failure is 401 `authentication_invalid`.
struct SessionBearer: Sendable {
    let instance: FrontendInstance

    /// What a verified token names.
    struct Claims: Decodable {
        let sid: String
        let sub: String
        let iss: String
        let exp: Int64
        let nbf: Int64?
    }

    private struct Header: Decodable {
        let alg: String
        let kid: String
    }

    /// Clocks may disagree this much (seconds), as Clerk's backend SDKs allow by default.
    static let skew: Int64 = 5

    /// The active session and its user a bearer token stands for.
    func authenticate(_ call: APICall, in db: any SQLDatabase) async throws -> (SessionRecord, UserRecord) {
        guard let token = call.bearerToken, let claims = verify(token) else { throw APIFailure.authenticationInvalid }
        let sessions = Sessions(instance: instance)
        guard let session = try await SessionRecord.find(claims.sid, in: db), session.userId == claims.sub,
              let user = try await UserRecord.find(session.userId, in: db), !user.banned,
              instance.lockout.remaining(user, now: instance.nowMS) == nil else { throw APIFailure.authenticationInvalid }
        let identifications = try await IdentificationRecord.all(in: db, where: "user_id", equals: user.id)
        let status = sessions.presentedStatus(session, user: SessionUserFacts(user, identifications: identifications),
                                              now: instance.nowMS)
        guard status == .active else { throw APIFailure.authenticationInvalid }
        return (session, user)
    }

    /// The claims of a session token this instance signed and that is valid now, or nil.
    func verify(_ token: String) -> Claims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= 8192, parts.count == 3,
              let headerData = Data(base64URLEncoded: String(parts[0])),
              let header = try? JSONDecoder().decode(Header.self, from: headerData), header.alg == "RS256",
              let signer = instance.secrets.signingKeys.signer(keyID: header.kid, at: instance.nowMS),
              let signature = Data(base64URLEncoded: String(parts[2])),
              signer.key.verify(Array(signature), of: Array((parts[0] + "." + parts[1]).utf8)),
              let payload = Data(base64URLEncoded: String(parts[1])),
              let claims = try? JSONDecoder().decode(Claims.self, from: payload) else { return nil }
        let now = instance.nowMS / 1000
        guard claims.iss == instance.issuer, claims.exp + Self.skew > now, (claims.nbf ?? 0) - Self.skew <= now else { return nil }
        return claims
    }
}
