import Foundation
import Testing
@testable import FrontendAPI

@Suite("Embedded instance handed to child processes")
struct EmbeddedInstanceTests {
    @Test func aChildFilesTheEmbeddedInstanceUnderLocalWhateverItsPort() throws {
        for port in [40123, 51877] {
            let url = "http://127.0.0.1:\(port)"
            let environment = EmbeddedInstance.childEnvironment(baseURL: url)
            #expect(environment["CLERK_FRONTEND_API"] == url)
            let instance = try EmbeddedInstance.instance(frontendAPI: url, environment: environment)
            #expect(instance.kind == .local)
            #expect(instance.stateKey == "local")
            #expect(instance.baseURL.absoluteString == url)
            let store = FileTokenStore(instance: instance, environment: ["XDG_STATE_HOME": "/state"])
            #expect(store.fileURL.path == "/state/clerk-tui/local/client_token")
        }
    }

    @Test func anUnmarkedOrDifferentURLKeepsItsOwnKey() throws {
        let url = "http://127.0.0.1:40123"
        #expect(try EmbeddedInstance.instance(frontendAPI: url, environment: [:]).stateKey == "127.0.0.1_40123")
        let elsewhere = EmbeddedInstance.childEnvironment(baseURL: "http://127.0.0.1:40124")
        let instance = try EmbeddedInstance.instance(frontendAPI: url, environment: elsewhere)
        #expect(instance.stateKey == "127.0.0.1_40123")
        #expect(instance.kind != .local)
    }

    @Test func aTrailingSlashOrV1StillMatches() throws {
        let environment = EmbeddedInstance.childEnvironment(baseURL: "http://127.0.0.1:40123")
        let instance = try EmbeddedInstance.instance(frontendAPI: "http://127.0.0.1:40123/v1/", environment: environment)
        #expect(instance.stateKey == "local")
    }
}
