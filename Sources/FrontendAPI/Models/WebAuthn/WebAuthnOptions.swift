import Foundation

/// The WebAuthn options a passkey verification carries in its `nonce`, as a JSON string with base64url binary fields
/// (`PublicKeyCredentialCreationOptionsJSON` while registering, `PublicKeyCredentialRequestOptionsJSON` while signing
/// in or reverifying).
public struct PublicKeyCredentialCreationOptions: Codable, Sendable, Equatable {
    public struct RelyingParty: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public struct UserEntity: Codable, Sendable, Equatable {
        /// base64url user handle.
        public var id: String
        public var name: String
        public var displayName: String
        public init(id: String, name: String, displayName: String) {
            self.id = id
            self.name = name
            self.displayName = displayName
        }
    }

    public struct Parameters: Codable, Sendable, Equatable {
        public var type: String
        public var alg: Int
        public init(alg: Int) {
            type = "public-key"
            self.alg = alg
        }
    }

    public struct AuthenticatorSelection: Codable, Sendable, Equatable {
        public var requireResidentKey: Bool
        public var residentKey: String
        public var userVerification: String
        public init(requireResidentKey: Bool, residentKey: String, userVerification: String) {
            self.requireResidentKey = requireResidentKey
            self.residentKey = residentKey
            self.userVerification = userVerification
        }
    }

    public var rp: RelyingParty
    public var user: UserEntity
    /// base64url.
    public var challenge: String
    public var pubKeyCredParams: [Parameters]
    /// Milliseconds.
    public var timeout: Int
    public var excludeCredentials: [PublicKeyCredentialDescriptor]
    public var authenticatorSelection: AuthenticatorSelection
    public var attestation: String

    public init(rp: RelyingParty, user: UserEntity, challenge: String, pubKeyCredParams: [Parameters], timeout: Int,
                excludeCredentials: [PublicKeyCredentialDescriptor], authenticatorSelection: AuthenticatorSelection,
                attestation: String) {
        self.rp = rp
        self.user = user
        self.challenge = challenge
        self.pubKeyCredParams = pubKeyCredParams
        self.timeout = timeout
        self.excludeCredentials = excludeCredentials
        self.authenticatorSelection = authenticatorSelection
        self.attestation = attestation
    }
}

/// `PublicKeyCredentialRequestOptionsJSON`: what a sign-in or reverification asks the authenticator to sign.
public struct PublicKeyCredentialRequestOptions: Codable, Sendable, Equatable {
    /// Empty for a discoverable sign-in: the authenticator offers whichever credential it holds for `rpId`.
    public var allowCredentials: [PublicKeyCredentialDescriptor]
    public var challenge: String
    public var rpId: String
    public var timeout: Int
    public var userVerification: String

    public init(allowCredentials: [PublicKeyCredentialDescriptor], challenge: String, rpId: String, timeout: Int,
                userVerification: String) {
        self.allowCredentials = allowCredentials
        self.challenge = challenge
        self.rpId = rpId
        self.timeout = timeout
        self.userVerification = userVerification
    }
}

/// A credential named by its base64url id.
public struct PublicKeyCredentialDescriptor: Codable, Sendable, Equatable {
    public var type: String
    public var id: String
    public var transports: [String]?
    public init(id: String, transports: [String]? = nil) {
        type = "public-key"
        self.id = id
        self.transports = transports
    }
}

extension PublicKeyCredentialCreationOptions {
    /// The options a passkey registration's verification carries in `nonce`.
    public init?(nonce: String?) {
        guard let data = nonce?.data(using: .utf8),
              let value = try? JSONDecoder().decode(Self.self, from: data) else { return nil }
        self = value
    }
}

extension PublicKeyCredentialRequestOptions {
    /// The options a passkey sign-in or reverification carries in `nonce`.
    public init?(nonce: String?) {
        guard let data = nonce?.data(using: .utf8),
              let value = try? JSONDecoder().decode(Self.self, from: data) else { return nil }
        self = value
    }
}

extension Encodable {
    /// Compact JSON text with sorted keys, as posted in `public_key_credential` or carried in a `nonce`.
    public func webAuthnJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
