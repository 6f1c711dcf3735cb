import Foundation
import FrontendAPI
import Testing
@testable import Authenticators
@testable import WebAuthn

@Suite("Authenticators against the relying party")
struct AuthenticatorTests {
    let rp = RelyingParty(id: "localhost", origins: ["https://localhost"], requiresUserVerification: false)

    func creation(_ challenge: Data, algorithms: [Int] = [-7, -8, -257], exclude: [String] = []) -> PublicKeyCredentialCreationOptions {
        PublicKeyCredentialCreationOptions(
            rp: .init(id: "localhost", name: "Test"), user: .init(id: Data("user_1".utf8).base64URLEncodedString(), name: "a@b.c", displayName: "A"),
            challenge: challenge.base64URLEncodedString(), pubKeyCredParams: algorithms.map { .init(alg: $0) }, timeout: 60_000,
            excludeCredentials: exclude.map { .init(id: $0) },
            authenticatorSelection: .init(requireResidentKey: true, residentKey: "required", userVerification: "preferred"),
            attestation: "none")
    }

    func request(_ challenge: Data) -> PublicKeyCredentialRequestOptions {
        PublicKeyCredentialRequestOptions(allowCredentials: [], challenge: challenge.base64URLEncodedString(), rpId: "localhost",
                                          timeout: 60_000, userVerification: "preferred")
    }

    func temporaryFile() -> String { NSTemporaryDirectory() + "clerk-tui-authenticator-\(UUID().uuidString).json" }

    @Test(arguments: [-7, -8])
    func softwareRegistrationsAndAssertionsVerify(algorithm: Int) async throws {
        let path = temporaryFile()
        defer { unlink(path) }
        let authenticator = SoftwareAuthenticator(path: path)
        let challenge = Data((0..<32).map { UInt8($0) })
        let created = try await authenticator.register(creation(challenge, algorithms: [algorithm]), origin: "https://localhost", pin: nil)
        let registration = try rp.verifyRegistration(created, challenge: challenge)
        #expect(registration.key.algorithm.rawValue == algorithm && registration.format == "packed")
        var attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let second = Data(repeating: 9, count: 32)
        let asserted = try await authenticator.authenticate(request(second), origin: "https://localhost", pin: nil)
        let assertion = try rp.verifyAssertion(asserted, challenge: second, key: registration.key, storedSignCount: 0)
        #expect(assertion.signCount == 1 && assertion.userHandle == Data("user_1".utf8))
        #expect(throws: RelyingParty.Failure.counterWentBack) {
            try rp.verifyAssertion(asserted, challenge: second, key: registration.key, storedSignCount: 1)
        }
        await #expect(throws: AuthenticatorFailure.alreadyRegistered) {
            try await authenticator.register(creation(challenge, exclude: [created.id]), origin: "https://localhost", pin: nil)
        }
        attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func anotherOriginOrChallengeIsRefused() async throws {
        let path = temporaryFile()
        defer { unlink(path) }
        let challenge = Data(repeating: 1, count: 32)
        let created = try await SoftwareAuthenticator(path: path).register(creation(challenge), origin: "https://evil.example", pin: nil)
        #expect(throws: RelyingParty.Failure.originNotAllowed("https://evil.example")) { try rp.verifyRegistration(created, challenge: challenge) }
        let honest = try await SoftwareAuthenticator(path: path).register(creation(challenge), origin: "https://localhost", pin: nil)
        #expect(throws: RelyingParty.Failure.challengeMismatch) { try rp.verifyRegistration(honest, challenge: Data(count: 32)) }
    }

    @Test func noCredentialForAnotherRelyingParty() async throws {
        var options = request(Data(count: 32))
        options.rpId = "example.com"
        await #expect(throws: AuthenticatorFailure.noCredential) {
            try await SoftwareAuthenticator(path: temporaryFile()).authenticate(options, origin: "https://example.com", pin: nil)
        }
    }

    /// Without hardware: libfido2 enumerates no device, and the security-key authenticator says so.
    @Test func securityKeysWithoutHardware() async throws {
        #expect(SecurityKeyAuthenticator.devices().isEmpty)
        await #expect(throws: AuthenticatorFailure.noDevice) {
            try await SecurityKeyAuthenticator().authenticate(request(Data(count: 32)), origin: "https://localhost", pin: nil)
        }
    }
}
