import Crypto
import Foundation
import FrontendAPI
import WebAuthn

/// An authenticator in a file (`--authenticator file:PATH`): its credentials' private keys live in a 0600 JSON file.
/// It signs with ES256 (P-256) or EdDSA (Ed25519) through swift-crypto and attests with `packed` self attestation.
/// It proves user presence (the person pressed Enter), never user verification. For tests, CI and machines without
/// a security key: anyone who can read the file holds the passkeys.
public struct SoftwareAuthenticator: Authenticator {
    public let file: CredentialFile
    /// All zeros: it claims no make or model.
    static let aaguid = Data(count: 16)

    public init(path: String) { file = CredentialFile(path: path) }

    public func register(_ options: PublicKeyCredentialCreationOptions, origin: String, pin: String?) async throws(AuthenticatorFailure)
        -> PublicKeyCredentialJSON {
        var stored = try file.load()
        let excluded = Set(options.excludeCredentials.map(\.id))
        if stored.contains(where: { $0.rpID == options.rp.id && excluded.contains($0.id) }) { throw .alreadyRegistered }
        let algorithm = try Self.algorithm(options.pubKeyCredParams.map(\.alg))
        let key = SigningKey(algorithm)
        let credentialID = Data((0..<32).map { _ in UInt8.random(in: 0...255) })
        let clientData = ClientData(type: CollectedClientData.create, challenge: options.challenge, origin: origin)
        let data = AuthenticatorData(
            rpIDHash: Data(SHA256.hash(data: Data(options.rp.id.utf8))), flags: [.userPresent, .attestedCredentialData],
            signCount: 0, aaguid: Self.aaguid, credentialID: credentialID, credentialPublicKey: key.coseKey.encoded)
        let signature = try key.sign(data.raw + clientData.hash)
        let attestation = AttestationObject(
            format: "packed", statement: .map([.init(.text("alg"), .int(algorithm.rawValue)), .init(.text("sig"), .bytes(signature))]),
            authenticatorData: data)
        stored.append(CredentialFile.Credential(
            id: credentialID.base64URLEncodedString(), rpID: options.rp.id, userHandle: options.user.id,
            userName: options.user.name, algorithm: algorithm.rawValue, privateKey: key.privateKey.base64URLEncodedString(),
            signCount: 0))
        try file.save(stored)
        return PublicKeyCredentialJSON(
            credentialID: credentialID, attachment: "platform", clientData: clientData,
            response: .init(clientDataJSON: "", attestationObject: attestation.encoded.base64URLEncodedString(),
                            transports: ["internal"]))
    }

    public func authenticate(_ options: PublicKeyCredentialRequestOptions, origin: String, pin: String?) async throws(AuthenticatorFailure)
        -> PublicKeyCredentialJSON {
        var stored = try file.load()
        let allowed = Set(options.allowCredentials.map(\.id))
        guard let index = stored.lastIndex(where: { $0.rpID == options.rpId && (allowed.isEmpty || allowed.contains($0.id)) }),
              let credentialID = Data(base64URLEncoded: stored[index].id) else { throw .noCredential }
        stored[index].signCount += 1
        let credential = stored[index]
        guard let algorithm = COSEKey.Algorithm(rawValue: credential.algorithm),
              let raw = Data(base64URLEncoded: credential.privateKey),
              let key = SigningKey(algorithm, privateKey: raw) else { throw .failed("the credential file holds an unreadable key") }
        let clientData = ClientData(type: CollectedClientData.get, challenge: options.challenge, origin: origin)
        let data = AuthenticatorData(rpIDHash: Data(SHA256.hash(data: Data(options.rpId.utf8))), flags: [.userPresent],
                                     signCount: credential.signCount)
        let signature = try key.sign(data.raw + clientData.hash)
        try file.save(stored)
        return PublicKeyCredentialJSON(
            credentialID: credentialID, attachment: "platform", clientData: clientData,
            response: .init(clientDataJSON: "", authenticatorData: data.raw.base64URLEncodedString(),
                            signature: signature.base64URLEncodedString(), userHandle: credential.userHandle))
    }

    /// The first algorithm the options accept that this authenticator has.
    static func algorithm(_ accepted: [Int]) throws(AuthenticatorFailure) -> COSEKey.Algorithm {
        guard let alg = accepted.first(where: { $0 == COSEKey.Algorithm.es256.rawValue || $0 == COSEKey.Algorithm.edDSA.rawValue }),
              let algorithm = COSEKey.Algorithm(rawValue: alg) else { throw .failed("no algorithm in common (ES256, EdDSA)") }
        return algorithm
    }
}

/// A P-256 or Ed25519 private key of the software authenticator.
struct SigningKey {
    let algorithm: COSEKey.Algorithm
    private let p256: P256.Signing.PrivateKey?
    private let ed25519: Curve25519.Signing.PrivateKey?

    init(_ algorithm: COSEKey.Algorithm) {
        self.algorithm = algorithm
        p256 = algorithm == .es256 ? P256.Signing.PrivateKey() : nil
        ed25519 = algorithm == .edDSA ? Curve25519.Signing.PrivateKey() : nil
    }

    init?(_ algorithm: COSEKey.Algorithm, privateKey: Data) {
        self.algorithm = algorithm
        p256 = algorithm == .es256 ? try? P256.Signing.PrivateKey(rawRepresentation: privateKey) : nil
        ed25519 = algorithm == .edDSA ? try? Curve25519.Signing.PrivateKey(rawRepresentation: privateKey) : nil
        if p256 == nil && ed25519 == nil { return nil }
    }

    var privateKey: Data { p256?.rawRepresentation ?? ed25519?.rawRepresentation ?? Data() }

    var coseKey: COSEKey {
        if let p256 { return COSEKey(algorithm: .es256, libfido2Key: p256.publicKey.x963Representation.dropFirst()) }
        return COSEKey(algorithm: .edDSA, libfido2Key: ed25519?.publicKey.rawRepresentation ?? Data())
    }

    /// WebAuthn's signature encodings: DER for ECDSA, the raw 64 bytes for EdDSA.
    func sign(_ message: Data) throws(AuthenticatorFailure) -> Data {
        do {
            if let p256 { return try p256.signature(for: message).derRepresentation }
            guard let ed25519 else { throw AuthenticatorFailure.failed("no key") }
            return try ed25519.signature(for: message)
        } catch {
            throw .failed("signing failed")
        }
    }
}
