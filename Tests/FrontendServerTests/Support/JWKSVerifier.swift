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

    /// `EVP_PKEY_PUBLIC_KEY` (a macro Swift cannot see): public key plus all parameters.
    private static let publicKeySelection = Int32(OSSL_KEYMGMT_SELECT_PUBLIC_KEY | OSSL_KEYMGMT_SELECT_ALL_PARAMETERS)

    private static func makeKey(n: [UInt8], e: [UInt8]) -> OpaquePointer? {
        guard let builder = OSSL_PARAM_BLD_new() else { return nil }
        defer { OSSL_PARAM_BLD_free(builder) }
        let nBN = BN_bin2bn(n, Int32(n.count), nil), eBN = BN_bin2bn(e, Int32(e.count), nil)
        defer { BN_free(nBN); BN_free(eBN) }
        guard OSSL_PARAM_BLD_push_BN(builder, "n", nBN) == 1, OSSL_PARAM_BLD_push_BN(builder, "e", eBN) == 1,
              let params = OSSL_PARAM_BLD_to_param(builder) else { return nil }
        defer { OSSL_PARAM_free(params) }
        guard let ctx = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else { return nil }
        defer { EVP_PKEY_CTX_free(ctx) }
        var key: OpaquePointer?
        guard EVP_PKEY_fromdata_init(ctx) == 1, EVP_PKEY_fromdata(ctx, &key, publicKeySelection, params) == 1 else { return nil }
        return key
    }
}
