import Crypto
import Foundation
import Testing
@testable import FrontendServer

@Suite("Server services")
struct ServiceTests {
    /// RFC 6238 Appendix B, SHA-1 (8-digit values; the last six digits are the 6-digit code).
    @Test(arguments: [(59, "287082"), (1_111_111_109, "081804"), (1_111_111_111, "050471"),
                      (1_234_567_890, "005924"), (2_000_000_000, "279037"), (20_000_000_000, "353130")])
    func totpMatchesRFC6238(time: Int, code: String) {
        let secret = "12345678901234567890"
        let step = TOTPCode.step(at: Date(timeIntervalSince1970: TimeInterval(time)))
        #expect(TOTPCode.code(secret: secret, step: step) == code)
        #expect(TOTPCode.matchingStep(secret: secret, code: code, at: Date(timeIntervalSince1970: TimeInterval(time + 30))) == step)
        #expect(TOTPCode.matchingStep(secret: secret, code: code, at: Date(timeIntervalSince1970: TimeInterval(time + 90))) == nil)
    }

    @Test func passwordHashingDoesNotTruncateOrStopAtNUL() async throws {
        let hasher = PasswordHasher(pepper: SymmetricKey(size: .bits256), cost: 10)
        let long = String(repeating: "a", count: 72)
        let hash = try await hasher.hash(long)
        #expect(hash.hasPrefix("$2b$10$") || hash.hasPrefix("$2a$10$") || hash.hasPrefix("$2y$10$"))
        #expect(try await hasher.verify(long, hash: hash))
        #expect(try await hasher.verify(long + "XYZ", hash: hash) == false)
        let withNUL = try await hasher.hash("secret\u{0}tail-part")
        #expect(try await hasher.verify("secret\u{0}other-part", hash: withNUL) == false)
        #expect(try await hasher.hash(long) != hash, "salted: equal passwords hash differently")
        #expect(try await hasher.verify(long, hash: nil) == false)
        await hasher.shutdown()
    }

    /// With no account, a password is checked against a hash made at cost 4 and relabelled with the instance's cost:
    /// bcrypt takes the cost from the hash it checks against, so the check costs what a real one does.
    @Test func theNoAccountHashIsCheckedAtTheInstancesCost() async throws {
        let dummy = PasswordHasher.dummyHash(cost: 10)
        #expect(dummy.count == 60 && dummy.hasPrefix("$2b$10$"), "\(dummy)")
        let hasher = PasswordHasher(pepper: SymmetricKey(size: .bits256), cost: 4)
        let real = try await hasher.hash("pw")
        #expect(try await hasher.verify("pw", hash: real))
        // Relabelled, the same salt and digest no longer match: the label, not the digest, sets the work done.
        let relabelled = real.replacingOccurrences(of: "$04$", with: "$05$")
        #expect(relabelled != real)
        #expect(try await hasher.verify("pw", hash: relabelled) == false)
        await hasher.shutdown()
    }

    @Test func passwordPolicy() throws {
        let policy = PasswordPolicy(settings: PasswordSettings())
        #expect(throws: APIFailure.self) { try policy.validate("short") }
        #expect(throws: APIFailure.self) { try policy.validate("password123") }
        #expect(throws: APIFailure.self) { try policy.validate(String(repeating: "x", count: 129)) }
        try policy.validate("correcthorsebattery")
        try policy.validate("😀😀😀😀😀😀😀😀")
        #expect(throws: APIFailure.self) { try policy.validate("😀😀😀😀😀😀😀") }
        do { try policy.validate("password123"); Issue.record("accepted a common password") } catch {
            #expect(error.error.code == "form_password_pwned")
        }
    }

    @Test func constantTimeComparison() {
        #expect(ConstantTime.equals("123456", "123456"))
        #expect(!ConstantTime.equals("123456", "123457"))
        #expect(!ConstantTime.equals("123456", "1234567"))
        #expect(!ConstantTime.equals("", "0"))
    }

    @Test func randomIdentifiers() {
        let ids = (0..<10_000).map { _ in RandomToken.id(.sess) }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("sess_") && $0.count == 32 })
        #expect(RandomToken.digits(6).allSatisfy { $0.isNumber })
    }

    @Test func settingsFromTOML() throws {
        let settings = try SettingsFile.parse("""
            application_name = "Acme"
            sign_up_mode = "restricted"
            enumeration_protection = "strict"
            [identifiers.username]
            enabled = true
            [password]
            hash_cost = 11
            [sessions]
            multi_session = false
            max_lifetime_minutes = 60
            [lockout]
            max_attempts = 5
            [rate_limits]
            scale = 2.5
            """)
        #expect(settings.applicationName == "Acme")
        #expect(settings.signUpMode == .restricted)
        #expect(settings.enumerationProtection == .strict)
        #expect(try SettingsFile.parse("").enumerationProtection == .off)
        #expect(settings.username.enabled)
        #expect(settings.password.hashCost == 11)
        #expect(!settings.sessions.multiSession)
        #expect(settings.sessions.maxLifetime == 3600)
        #expect(settings.lockout.maxAttempts == 5)
        #expect(settings.rateLimits.scale == 2.5)
        #expect(throws: SettingsFile.Invalid.self) { try SettingsFile.parse("[password]\nhash_cost = 4") }
        #expect(throws: SettingsFile.Invalid.self) { try SettingsFile.parse("sign_up_mode = \"nope\"") }
        let sample = try String(contentsOfFile: #filePath.replacingOccurrences(
            of: "Tests/FrontendServerTests/ServiceTests.swift", with: "Config/instance.sample.toml"), encoding: .utf8)
        #expect(try SettingsFile.parse(sample) == InstanceSettings(), "the sample documents the defaults")
    }

    @Test func formDecoding() throws {
        let form = try FormBody(parsing: "a=1&b=x+y&b=%20z&flag=true&n=0&email=a%40b.co")
        #expect(form.string("a") == "1")
        #expect(form.values["b"] == ["x y", " z"])
        #expect(try form.bool("flag") == true)
        #expect(try form.bool("n") == false)
        #expect(form.string("email") == "a@b.co")
        #expect(throws: APIFailure.self) { try FormBody(parsing: "a=%zz") }
        #expect(throws: APIFailure.self) { try FormBody(parsing: "a=%ff%fe") }
        #expect(throws: APIFailure.self) { try FormBody(parsing: "flag=maybe").bool("flag") }
        #expect(throws: APIFailure.self) { try FormBody(parsing: "m=%5B1%5D").jsonObject("m") }
    }
}
