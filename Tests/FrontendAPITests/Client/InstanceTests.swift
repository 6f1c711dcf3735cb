import Foundation
import Testing
@testable import FrontendAPI

@Suite("Instance addressing and token storage")
struct InstanceTests {
    static func key(_ prefix: String, _ host: String, padded: Bool = false) -> String {
        var encoded = Data((host + "$").utf8).base64EncodedString()
        if !padded { encoded = encoded.trimmingCharacters(in: CharacterSet(charactersIn: "=")) }
        return prefix + encoded
    }

    @Test func publishableKeysDecodeToAnHTTPSFrontendAPI() throws {
        let development = try PublishableKey(Self.key("pk_test_", "happy-cat-12.clerk.accounts.dev"))
        #expect(development.frontendAPIHost == "happy-cat-12.clerk.accounts.dev")
        #expect(!development.isProduction)
        #expect(development.frontendAPIURL.absoluteString == "https://happy-cat-12.clerk.accounts.dev")
        let production = try PublishableKey(Self.key("pk_live_", "clerk.example.com", padded: true))
        #expect(production.isProduction)
        let instance = Instance(publishableKey: production)
        #expect(instance.kind == .production)
        #expect(instance.stateKey == "clerk.example.com")
    }

    @Test func base64URLKeysAreAccepted() throws {
        // "clerk.a~~.com$" has '/'-producing bytes; base64url spells them '_'.
        let standard = Data("clerk.a??>.com$".utf8).base64EncodedString()
        let url = standard.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-")
        #expect(try PublishableKey("pk_test_" + url).frontendAPIHost == "clerk.a??>.com")
    }

    @Test(arguments: ["", "sk_test_abc", "pk_test_", "pk_prod_Y2xlcmsuZXhhbXBsZS5jb20k", "pk_test_bm9kb2xsYXI=",
                      "pk_test_" + Data("clerk.x$y.com$".utf8).base64EncodedString(), "pk_test_!!!"])
    func invalidPublishableKeysAreRejected(key: String) {
        #expect(throws: InstanceError.invalidPublishableKey) { try PublishableKey(key) }
    }

    @Test func frontendAPIURLsAreNormalised() throws {
        let bare = try Instance(frontendAPI: "clerk.example.com")
        #expect(bare.baseURL.absoluteString == "https://clerk.example.com")
        #expect(bare.kind == .production)
        let withPath = try Instance(frontendAPI: "https://happy-cat-12.clerk.accounts.dev/v1/")
        #expect(withPath.baseURL.absoluteString == "https://happy-cat-12.clerk.accounts.dev")
        #expect(withPath.kind == .development)
        let withPort = try Instance(frontendAPI: "http://127.0.0.1:4000")
        #expect(withPort.stateKey == "127.0.0.1_4000")
        #expect(throws: InstanceError.self) { try Instance(frontendAPI: "ftp://x.example") }
        #expect(throws: InstanceError.self) { try Instance(frontendAPI: "https://x.example/?a=1") }
    }

    @Test func theStateDirectoryFollowsXDG() {
        let instance = Instance.local(baseURL: URL(string: "http://127.0.0.1:1")!)
        let custom = FileTokenStore(instance: instance, environment: ["XDG_STATE_HOME": "/tmp/state", "HOME": "/home/u"])
        #expect(custom.fileURL.path == "/tmp/state/clerk-tui/local/client_token")
        let fallback = FileTokenStore(instance: instance, environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"])
        #expect(fallback.fileURL.path == "/home/u/.local/state/clerk-tui/local/client_token")
    }

    @Test func theTokenFileIsPrivateAndReplacedAtomically() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "token-\(UUID().uuidString)/nested")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let store = FileTokenStore(directory: directory)
        #expect(try store.load() == nil)
        try store.save("first")
        try store.save("second")
        #expect(try store.load() == "second")
        let attributes = try FileManager.default.attributesOfItem(atPath: store.fileURL.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let directoryAttributes = try FileManager.default.attributesOfItem(atPath: directory.path)
        #expect((directoryAttributes[.posixPermissions] as? Int) == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["client_token"])
        try store.save(nil)
        #expect(try store.load() == nil)
        try store.save(nil)
    }

    @Test func sessionJWTClaimsAreRead() throws {
        func segment(_ json: String) -> String {
            Data(json.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        }
        let jwt = segment(#"{"alg":"RS256","oiat":5}"#) + "." + segment(#"{"sid":"sess_1","o":{"id":"org_1"},"iat":10,"exp":70}"#) + ".sig"
        let token = try #require(SessionJWT(jwt))
        #expect(token.sessionID == "sess_1")
        #expect(token.organizationID == "org_1")
        #expect(token.expiresAt == Date(timeIntervalSince1970: 70))
        #expect(token.originIssuedAt == Date(timeIntervalSince1970: 5))
        #expect(token.isFresh(buffer: .seconds(10), now: Date(timeIntervalSince1970: 59)))
        #expect(!token.isFresh(buffer: .seconds(10), now: Date(timeIntervalSince1970: 60)))
        #expect(SessionJWT("a.b") == nil)
        #expect(SessionJWT("a.b.") == nil)
    }
}
