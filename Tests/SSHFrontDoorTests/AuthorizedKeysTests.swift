import NIOSSH
import Testing
@testable import SSHFrontDoor

@Suite struct AuthorizedKeysTests {
    private let alice = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"

    @Test func readsKeysSkippingCommentsOptionsAndUnsupportedTypes() throws {
        let file = AuthorizedKeys(text: """
            # team

            no-pty,from="10.0.0.0/8" \(alice) alice@laptop
            ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 bob@old
            sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAI carol
            """)
        #expect(file.keys.count == 1)
        #expect(file.unsupportedLines == 2)
        #expect(file.allows(try NIOSSHPublicKey(openSSHPublicKey: alice)))
    }

    @Test func otherKeysAreNotAllowed() throws {
        let file = AuthorizedKeys(text: alice)
        let other = NIOSSHPrivateKey(ed25519Key: .init()).publicKey
        #expect(!file.allows(other))
    }
}
