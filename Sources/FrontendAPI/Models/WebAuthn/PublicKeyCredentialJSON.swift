import Foundation

/// A WebAuthn credential as clerk-js and clerk-ios post it in `public_key_credential`: a JSON string whose binary
/// fields are base64url without padding. A registration's response has `attestationObject`; an assertion's has
/// `authenticatorData`, `signature` and `userHandle`.
public struct PublicKeyCredentialJSON: Codable, Sendable, Equatable {
    public struct Response: Codable, Sendable, Equatable {
        public var clientDataJSON: String
        public var attestationObject: String?
        public var transports: [String]?
        public var authenticatorData: String?
        public var signature: String?
        public var userHandle: String?

        public init(clientDataJSON: String, attestationObject: String? = nil, transports: [String]? = nil,
                    authenticatorData: String? = nil, signature: String? = nil, userHandle: String? = nil) {
            self.clientDataJSON = clientDataJSON
            self.attestationObject = attestationObject
            self.transports = transports
            self.authenticatorData = authenticatorData
            self.signature = signature
            self.userHandle = userHandle
        }
    }

    public var id: String
    public var rawId: String
    public var type: String
    public var authenticatorAttachment: String?
    public var response: Response

    public init(id: String, type: String = "public-key", authenticatorAttachment: String? = nil, response: Response) {
        self.id = id
        rawId = id
        self.type = type
        self.authenticatorAttachment = authenticatorAttachment
        self.response = response
    }
}

/// `CollectedClientData`: what the client signs over (through its SHA-256 hash).
public struct CollectedClientData: Codable, Sendable, Equatable {
    /// `webauthn.create` or `webauthn.get`.
    public var type: String
    /// base64url of the challenge from the options.
    public var challenge: String
    public var origin: String
    public var crossOrigin: Bool?

    public init(type: String, challenge: String, origin: String, crossOrigin: Bool? = false) {
        self.type = type
        self.challenge = challenge
        self.origin = origin
        self.crossOrigin = crossOrigin
    }

    public static let create = "webauthn.create"
    public static let get = "webauthn.get"
}
