import Crypto
import Foundation
import NIOSSH
import Testing
@testable import SSHFrontDoor

@Suite struct HostKeyTests {
    @Test func encodedKeyDecodesToTheSameKey() throws {
        let key = Curve25519.Signing.PrivateKey()
        let text = OpenSSHKeyFormat.encode(key, comment: "test")
        #expect(text.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 70 })
        let decoded = try OpenSSHKeyFormat.decode(text)
        #expect(decoded.rawRepresentation == key.rawRepresentation)
    }

    @Test func sshKeygenKeyIsReadAndFingerprintedLikeSSHKeygen() throws {
        let directory = try temporaryDirectory()
        let path = directory.appending(path: "key").path
        try run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path])
        let file = try HostKeyFile.loadOrCreate(path: path)
        #expect(!file.generated)
        let printed = try run("/usr/bin/ssh-keygen", ["-lf", path])
        #expect(printed.split(separator: " ")[1] == Substring(file.fingerprint))
    }

    @Test func missingKeyIsGeneratedPrivateAndStable() throws {
        let path = try temporaryDirectory().appending(path: "nested/host_key").path
        let first = try HostKeyFile.loadOrCreate(path: path)
        #expect(first.generated)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let second = try HostKeyFile.loadOrCreate(path: path)
        #expect(!second.generated)
        #expect(second.fingerprint == first.fingerprint)
    }

    @Test func rejectsWhatItCannotServe() throws {
        #expect(throws: HostKeyError.notOpenSSHFormat) { try OpenSSHKeyFormat.decode("-----BEGIN PRIVATE KEY-----") }
        let directory = try temporaryDirectory()
        let rsa = directory.appending(path: "rsa").path
        try run("/usr/bin/ssh-keygen", ["-q", "-t", "rsa", "-b", "1024", "-N", "", "-f", rsa])
        #expect(throws: HostKeyError.unsupportedType("ssh-rsa")) { try HostKeyFile.loadOrCreate(path: rsa) }
        let locked = directory.appending(path: "locked").path
        try run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "passphrase", "-f", locked])
        #expect(throws: HostKeyError.encrypted) { try HostKeyFile.loadOrCreate(path: locked) }
    }

    @Test func publicKeyFingerprintMatchesSSHKeygen() throws {
        let directory = try temporaryDirectory()
        let path = directory.appending(path: "client").path
        try run("/usr/bin/ssh-keygen", ["-q", "-t", "ecdsa", "-N", "", "-f", path])
        let line = try String(contentsOfFile: path + ".pub", encoding: .utf8)
        let key = try NIOSSHPublicKey(openSSHPublicKey: line.trimmingCharacters(in: .whitespacesAndNewlines))
        let printed = try run("/usr/bin/ssh-keygen", ["-lf", path + ".pub"])
        #expect(printed.split(separator: " ")[1] == Substring(KeyFingerprint.of(key)))
    }
}

/// A fresh directory under the system temp directory.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appending(path: "sshfrontdoor-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs a tool and returns its standard output; throws on a non-zero exit.
@discardableResult
func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(filePath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
    return String(decoding: data, as: UTF8.self)
}
