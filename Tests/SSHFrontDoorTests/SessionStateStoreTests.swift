import Foundation
import Testing
@testable import SSHFrontDoor

@Suite struct SessionStateStoreTests {
    private func store() throws -> SessionStateStore {
        let root = try temporaryDirectory()
        return SessionStateStore(keysRoot: root.appending(path: "keys"), temporaryRoot: root)
    }

    @Test func sessionsAreTemporaryAndDiscardedByDefault() throws {
        let store = try store()
        let state = try store.open(keyFingerprint: "SHA256:a/b+c")
        #expect(!state.isKept)
        let mode = try FileManager.default.attributesOfItem(atPath: state.directory.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        #expect(store.close(state) == .discard)
        store.remove(state)
        #expect(!FileManager.default.fileExists(atPath: state.directory.path))
    }

    @Test func optInKeepsTheStateForThatKeyOnly() throws {
        let store = try store()
        let state = try store.open(keyFingerprint: "SHA256:a/b+c")
        try Data("token".utf8).write(to: state.directory.appending(path: "client_token"))
        FileManager.default.createFile(atPath: state.keepFile!.path, contents: nil)
        #expect(store.close(state) == .kept)

        let next = try store.open(keyFingerprint: "SHA256:a/b+c")
        #expect(next.isKept)
        #expect(next.directory.lastPathComponent == "SHA256_a_b-c")
        #expect(FileManager.default.contents(atPath: next.directory.appending(path: "client_token").path) == Data("token".utf8))
        #expect(try !store.open(keyFingerprint: "SHA256:other").isKept)
        #expect(try !store.open(keyFingerprint: nil).isKept)

        // Opting out (removing the marker) discards it at the next close.
        try FileManager.default.removeItem(at: next.keepFile!)
        #expect(store.close(next) == .discard)
    }

    @Test func withoutAKeyThereIsNothingToKeepItBy() throws {
        let store = try store()
        let state = try store.open(keyFingerprint: nil)
        #expect(state.keepFile == nil)
        #expect(store.close(state) == .discard)
    }
}
