import COpenSSL
import Foundation

/// An RSA-2048 private key held as an OpenSSL 3 `EVP_PKEY`, loaded once and shared by every signing call.
///
/// OpenSSL 3's libcrypto signs RS256 about 2.4× faster than swift-crypto's BoringSSL on the x86-64 machines it was
/// measured on (OpenSSL uses AVX-512 IFMA for RSA there), and signing is most of the cost of minting a session token;
/// `Benchmarks/server` measures minting beside `openssl speed rsa2048`.
final class RSASigningKey: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String }

    private let key: OpaquePointer
    private let sha256: OpaquePointer

    private init(key: OpaquePointer) throws {
        guard let md = EVP_MD_fetch(nil, "SHA256", nil) else { throw Failure(description: "SHA256 unavailable") }
        self.key = key
        self.sha256 = md
    }

    deinit {
        EVP_PKEY_free(key)
        EVP_MD_free(sha256)
    }

    /// Generates a fresh 2048-bit key.
    static func generate() throws -> RSASigningKey {
        guard let ctx = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else { throw Failure(description: "no RSA context") }
        defer { EVP_PKEY_CTX_free(ctx) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(ctx) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, 2048) == 1,
              EVP_PKEY_generate(ctx, &key) == 1, let key
        else { throw Failure(description: "RSA key generation failed") }
        return try RSASigningKey(key: key)
    }

    /// Loads a PKCS#8 PEM private key.
    static func load(pem: String) throws -> RSASigningKey {
        // A memory BIO reads the buffer in place, so it must not outlive the closure that lends it.
        let key: OpaquePointer? = Array(pem.utf8).withUnsafeBytes { bytes in
            guard let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_PrivateKey(bio, nil, nil, nil)
        }
        guard let key, EVP_PKEY_get_bits(key) >= 2048 else {
            throw Failure(description: "the signing key file is not an RSA-2048 private key")
        }
        return try RSASigningKey(key: key)
    }

    /// The key as PKCS#8 PEM, for persisting.
    func pem() throws -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw Failure(description: "BIO allocation failed") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil) == 1 else {
            throw Failure(description: "PEM encoding failed")
        }
        var pointer: UnsafeMutablePointer<CChar>?
        let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &pointer)
        guard let pointer, length > 0 else { throw Failure(description: "PEM encoding failed") }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    /// The public modulus and exponent, big-endian, for the JWKS.
    func publicComponents() throws -> (modulus: [UInt8], exponent: [UInt8]) {
        func component(_ name: String) throws -> [UInt8] {
            var bn: OpaquePointer?
            guard EVP_PKEY_get_bn_param(key, name, &bn) == 1, let bn else {
                throw Failure(description: "cannot read RSA \(name)")
            }
            defer { BN_free(bn) }
            var bytes = [UInt8](repeating: 0, count: Int((BN_num_bits(bn) + 7) / 8))
            _ = BN_bn2bin(bn, &bytes)
            return bytes
        }
        return (try component("n"), try component("e"))
    }

    /// Whether `signature` is this key's RSASSA-PKCS1-v1_5 SHA-256 signature of `message`.
    func verify(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestVerifyInit(ctx, nil, sha256, nil, key) == 1 else { return false }
        return EVP_DigestVerify(ctx, signature, signature.count, message, message.count) == 1
    }

    /// RSASSA-PKCS1-v1_5 with SHA-256 over `message`.
    func sign(_ message: [UInt8]) throws -> [UInt8] {
        guard let ctx = EVP_MD_CTX_new() else { throw Failure(description: "no digest context") }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestSignInit(ctx, nil, sha256, nil, key) == 1 else { throw Failure(description: "sign init failed") }
        var length = 0
        guard EVP_DigestSign(ctx, nil, &length, message, message.count) == 1 else {
            throw Failure(description: "sign failed")
        }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(ctx, &signature, &length, message, message.count) == 1 else {
            throw Failure(description: "sign failed")
        }
        return Array(signature.prefix(length))
    }
}
