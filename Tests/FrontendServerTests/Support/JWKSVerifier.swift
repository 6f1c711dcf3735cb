import COpenSSL
import Foundation
@testable import FrontendServer

/// Verifies an RS256 JWT against a JWKS document, building the public key from `n` and `e` alone.
enum JWKSVerifier {
    static func verify(_ jwt: String, jwks: [String: Any]) -> (header: [String: Any], claims: [String: Any])? {
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let headerData = Data(base64URLEncoded: parts[0]),
              let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any],
              header["alg"] as? String == "RS256", let kid = header["kid"] as? String,
              let keys = jwks["keys"] as? [[String: Any]], let key = keys.first(where: { $0["kid"] as? String == kid }),
              let n = (key["n"] as? String).flatMap(Data.init(base64URLEncoded:)),
              let e = (key["e"] as? String).flatMap(Data.init(base64URLEncoded:)),
              let signature = Data(base64URLEncoded: parts[2]),
              let claimsData = Data(base64URLEncoded: parts[1]),
              let claims = try? JSONSerialization.jsonObject(with: claimsData) as? [String: Any],
              let publicKey = makeKey(n: Array(n), e: Array(e)) else { return nil }
        defer { EVP_PKEY_free(publicKey) }
        let message = Array((parts[0] + "." + parts[1]).utf8)
        guard let ctx = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestVerifyInit(ctx, nil, EVP_sha256(), nil, publicKey) == 1 else { return nil }
        let ok = signature.withUnsafeBytes { sig in
            EVP_DigestVerify(ctx, sig.bindMemory(to: UInt8.self).baseAddress, sig.count, message, message.count)
        }
        return ok == 1 ? (header, claims) : nil
    }

    /// An RSA public key from its modulus and exponent (through the RSA API: OpenSSL 3.0's
    /// `EVP_PKEY_fromdata` refuses RSA public keys built from `n`/`e` here).
    private static func makeKey(n: [UInt8], e: [UInt8]) -> OpaquePointer? {
        guard let rsa = RSA_new() else { return nil }
        defer { RSA_free(rsa) }
        guard RSA_set0_key(rsa, BN_bin2bn(n, Int32(n.count), nil), BN_bin2bn(e, Int32(e.count), nil), nil) == 1,
              let key = EVP_PKEY_new() else { return nil }
        guard EVP_PKEY_set1_RSA(key, rsa) == 1 else {
            EVP_PKEY_free(key)
            return nil
        }
        return key
    }
}
