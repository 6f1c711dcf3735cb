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

/// Clerk's v2 session-token claims, as clerk-js types them (`packages/shared/src/types/jwtv2.ts`): `v` is 2, `fva` the
/// minutes since the first and second factor (-1: never), `sts` the session status, `o` the active organization.
/// Times are seconds.
struct SessionClaims: Encodable {
    struct Organization: Encodable { let id: String }
    let iss: String
    let sub: String
    let sid: String
    let azp: String?
    let iat: Int64
    let nbf: Int64
    let exp: Int64
    let jti: String
    let v: Int
    let fva: [Int]
    let sts: SessionStatus
    let o: Organization?
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
