import Crypto
import Foundation
import NIOSSH

/// OpenSSH's `SHA256:<base64 without padding>` fingerprint of a public key, as `ssh-keygen -lf` prints it.
public enum KeyFingerprint {
    public static func of(_ key: NIOSSHPublicKey) -> String {
        let parts = String(openSSHPublicKey: key).split(separator: " ")
        let blob = parts.count > 1 ? Data(base64Encoded: String(parts[1])) ?? Data() : Data()
        return of(blob: blob)
    }

    static func of(blob: Data) -> String {
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }
}
