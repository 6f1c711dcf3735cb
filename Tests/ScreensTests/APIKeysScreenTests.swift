import FrontendAPI
import Portal
import TerminalUI
import Testing

@testable import Screens

/// Ada's "API keys" page, on an instance where users may have keys.
@Suite struct APIKeysScreenTests {
    static let secret = "ak_live_0123456789abcdef"

    static func key(_ id: String, _ name: String, expires: Bool = false, secret: String? = nil) -> APIKey {
        APIKey(
            id: id, subject: "user_1", name: name, secret: secret, expiration: expires ? Fixtures.date.addingTimeInterval(30 * 86_400) : nil,
            createdAt: Fixtures.date, updatedAt: Fixtures.date)
    }

    @Sendable static func script(_ call: BackendCall, _ client: Client?) -> (BackendOutcome, Client?) {
        switch call {
        case .loadEnvironment:
            var environment = Fixtures.environment()
            environment.apiKeysSettings = APIKeysSettings(enabled: true, userAPIKeysEnabled: true, orgsAPIKeysEnabled: false)
            return (.success(.environment(environment)), profileScript(call, client).1)
        case .apiKeys(_, .list):
            let keys = [key("ak_2", "Deploy", expires: true), key("ak_1", "CI")]
            return (.success(.apiKeys(PaginatedList(data: keys, totalCount: 2))), client)
        case .apiKeys(_, .create(_, let name, _, _)):
            return (.success(.apiKey(key("ak_3", name, secret: secret))), client)
        default:
            return profileScript(call, client)
        }
    }

    /// Home → account menu → "Manage account" → "API keys" (the navbar's second entry there).
    static func page() async -> ScreenDriver {
        var driver = await ScreenDriver(backend: ScriptedBackend(respond: script))
        await driver.press(.enter, .enter)
        await driver.press(.down, .enter)
        return driver
    }

    @Test func thePageListsKeysWithTheirExpiry() async {
        let driver = await Self.page()
        driver.expectSnapshot("api-keys-page")
    }

    @Test func aNewKeysSecretIsShownOnceAndCopied() async {
        var driver = await Self.page()
        await driver.press(.down, .down, .enter)  // past the navbar to "+ Add new key"
        await driver.type("Nightly")
        driver.expectSnapshot("api-keys-create")
        await driver.press(.enter)
        driver.expectSnapshot("api-keys-secret")
        await driver.press(.enter)
        #expect(driver.copied == [Self.secret])
        await driver.press(.down, .enter)
        #expect(!driver.frame.contains(Self.secret))
        #expect(driver.frame.contains("Add new key"))
    }

    @Test func revokingWaitsForTheWord() async {
        var driver = await Self.page()
        await driver.press(.down, .down, .down, .enter)  // the first key
        await driver.type("Revoke")
        driver.expectSnapshot("api-keys-revoke")
    }
}
