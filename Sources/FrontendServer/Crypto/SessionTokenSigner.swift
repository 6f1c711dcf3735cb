import Foundation
import FrontendAPI

/// Mints RS256 session JWTs and publishes the matching JWKS.
struct SessionTokenSigner: Sendable {
    let key: RSASigningKey
    let keyID: String
    private let encodedHeader: String

    init(key: RSASigningKey, keyID: String) {
        self.key = key
        self.keyID = keyID
        let header = #"{"alg":"RS256","kid":"\#(keyID)","typ":"JWT"}"#
        encodedHeader = Data(header.utf8).base64URLEncodedString()
    }

    func sign(_ claims: SessionClaims) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let payload = try encoder.encode(claims).base64URLEncodedString()
        let signingInput = encodedHeader + "." + payload
        let signature = try key.sign(Array(signingInput.utf8))
        return signingInput + "." + Data(signature).base64URLEncodedString()
    }

    /// `{keys: [{use, kty, kid, alg, n, e}]}` as served at `/.well-known/jwks.json`.
    func jwks() throws -> JSONWebKeySet {
        let (n, e) = try key.publicComponents()
        return JSONWebKeySet(keys: [
            .init(use: "sig", kty: "RSA", kid: keyID, alg: "RS256",
                  n: Data(n).base64URLEncodedString(), e: Data(e).base64URLEncodedString()),
        ])
    }
}

/// Clerk's session-token claims, as clerk-js types them (`packages/shared/src/types/jwtv2.ts`). Version 2 has `v: 2`,
/// `sts` the session status and the compact organization claim `o` (with `fea`); version 1 has neither `v` nor `sts`
/// and names the organization with `org_id`, `org_slug`, `org_role`, `org_permissions` (see `OrganizationClaims`).
/// `fva` is the minutes since the first and second factor (-1: never). Times are seconds; nil claims are left out.
struct SessionClaims: Encodable {
    let iss: String
    let sub: String
    let sid: String
    let azp: String?
    let iat: Int64
    let nbf: Int64
    let exp: Int64
    let jti: String
    var v: Int?
    let fva: [Int]
    var sts: SessionStatus?
    var o: CompactOrganizationClaim? = nil
    var fea: String? = nil
    /// Billing plans, `u:<plan>` and `o:<plan>` (see `BillingClaims`).
    var pla: String? = nil
    var orgID: String? = nil
    var orgSlug: String? = nil
    var orgRole: String? = nil
    var orgPermissions: [String]? = nil

    enum CodingKeys: String, CodingKey {
        case iss, sub, sid, azp, iat, nbf, exp, jti, v, fva, sts, o, fea, pla
        case orgID = "org_id", orgSlug = "org_slug", orgRole = "org_role", orgPermissions = "org_permissions"
    }
}

public struct JSONWebKeySet: Codable, Sendable {
    public struct Key: Codable, Sendable {
        public let use: String
        public let kty: String
        public let kid: String
        public let alg: String
        public let n: String
        public let e: String
    }
    public let keys: [Key]
}
