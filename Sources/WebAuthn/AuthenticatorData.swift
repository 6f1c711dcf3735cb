import Foundation

/// The authenticator data an authenticator signs over: `rpIdHash` (32 bytes), flags (1), signature counter (4, big
/// endian) and, when the AT flag is set, the attested credential data (AAGUID 16, credential id length 2, credential
/// id, COSE key). libfido2 parses it too while verifying; this reading exists for the steps libfido2 leaves to the
/// caller: finding the key's algorithm before verifying, and `none` attestation, which libfido2 does not verify.
public struct AuthenticatorData: Sendable, Equatable {
    public struct Flags: OptionSet, Sendable, Equatable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let userPresent = Flags(rawValue: 0x01)
        public static let userVerified = Flags(rawValue: 0x04)
        public static let attestedCredentialData = Flags(rawValue: 0x40)
        public static let extensionData = Flags(rawValue: 0x80)
    }

    public var rpIDHash: Data
    public var flags: Flags
    public var signCount: UInt32
    public var aaguid: Data?
    public var credentialID: Data?
    /// The COSE_Key bytes exactly as the authenticator encoded them.
    public var credentialPublicKey: Data?
    /// The whole byte string, as signed.
    public var raw: Data

    public init(rpIDHash: Data, flags: Flags, signCount: UInt32, aaguid: Data? = nil, credentialID: Data? = nil,
                credentialPublicKey: Data? = nil) {
        self.rpIDHash = rpIDHash
        self.flags = flags
        self.signCount = signCount
        self.aaguid = aaguid
        self.credentialID = credentialID
        self.credentialPublicKey = credentialPublicKey
        var bytes = rpIDHash
        bytes.append(flags.rawValue)
        bytes.append(contentsOf: withUnsafeBytes(of: signCount.bigEndian, Array.init))
        if let aaguid, let credentialID, let credentialPublicKey {
            bytes.append(aaguid)
            bytes.append(contentsOf: withUnsafeBytes(of: UInt16(credentialID.count).bigEndian, Array.init))
            bytes.append(credentialID)
            bytes.append(credentialPublicKey)
        }
        raw = bytes
    }

    public init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 37 else { throw CBORError("authenticator data shorter than 37 bytes") }
        raw = data
        rpIDHash = Data(bytes[0..<32])
        flags = Flags(rawValue: bytes[32])
        signCount = bytes[33..<37].reduce(0) { $0 << 8 | UInt32($1) }
        guard flags.contains(.attestedCredentialData) else { return }
        guard bytes.count >= 55 else { throw CBORError("attested credential data is truncated") }
        aaguid = Data(bytes[37..<53])
        let idLength = Int(bytes[53]) << 8 | Int(bytes[54])
        guard idLength > 0, idLength <= 1023, bytes.count > 55 + idLength else {
            throw CBORError("credential id length is out of range")
        }
        credentialID = Data(bytes[55..<55 + idLength])
        let keyStart = 55 + idLength
        let (_, read) = try CBOR.decode(prefixOf: Data(bytes[keyStart...]))
        credentialPublicKey = Data(bytes[keyStart..<keyStart + read])
    }
}
