import Foundation

/// A credential public key as COSE_Key (RFC 9053), for the algorithms this relying party accepts.
public struct COSEKey: Sendable, Equatable {
    /// COSE algorithm identifiers.
    public enum Algorithm: Int, Sendable, CaseIterable {
        case es256 = -7
        case edDSA = -8
        case rs256 = -257
    }

    public var algorithm: Algorithm
    /// The key in libfido2's own layout for `es256_pk_from_ptr` (x‖y), `eddsa_pk_from_ptr` (x) or
    /// `rs256_pk_from_ptr` (n‖e, 256 + 3 bytes).
    public var libfido2Key: Data

    public init(algorithm: Algorithm, libfido2Key: Data) {
        self.algorithm = algorithm
        self.libfido2Key = libfido2Key
    }

    /// Reads the COSE_Key map. libfido2 decodes COSE keys only inside authenticator data it verifies, and has no call
    /// that turns a stored key back into its `*_pk_t`, so the few labels are read here (through libcbor).
    public init(_ encoded: Data) throws {
        let map = try CBOR.decode(encoded)
        guard let alg = map[int: 3]?.intValue, let algorithm = Algorithm(rawValue: alg) else {
            throw CBORError("unsupported COSE algorithm")
        }
        self.algorithm = algorithm
        let kty = map[int: 1]?.intValue
        switch algorithm {
        case .es256:
            guard kty == 2, map[int: -1]?.intValue == 1, let x = map[int: -2]?.bytesValue, let y = map[int: -3]?.bytesValue,
                  x.count == 32, y.count == 32 else { throw CBORError("not a P-256 COSE key") }
            libfido2Key = x + y
        case .edDSA:
            guard kty == 1, map[int: -1]?.intValue == 6, let x = map[int: -2]?.bytesValue, x.count == 32 else {
                throw CBORError("not an Ed25519 COSE key")
            }
            libfido2Key = x
        case .rs256:
            guard kty == 3, let n = map[int: -1]?.bytesValue, let e = map[int: -2]?.bytesValue,
                  n.count == 256, (1...3).contains(e.count) else { throw CBORError("not an RSA-2048 COSE key") }
            libfido2Key = n + Data(repeating: 0, count: 3 - e.count) + e
        }
    }

    /// The COSE_Key encoding, keys in CTAP2 canonical order (as an authenticator writes it).
    public var encoded: Data {
        let bytes = [UInt8](libfido2Key)
        let pairs: [CBOR.Pair] = switch algorithm {
        case .es256: [.init(.int(1), .int(2)), .init(.int(3), .int(-7)), .init(.int(-1), .int(1)),
                      .init(.int(-2), .bytes(Data(bytes[0..<32]))), .init(.int(-3), .bytes(Data(bytes[32..<64])))]
        case .edDSA: [.init(.int(1), .int(1)), .init(.int(3), .int(-8)), .init(.int(-1), .int(6)),
                      .init(.int(-2), .bytes(libfido2Key))]
        case .rs256: [.init(.int(1), .int(3)), .init(.int(3), .int(-257)),
                      .init(.int(-1), .bytes(Data(bytes[0..<256]))), .init(.int(-2), .bytes(Data(bytes[256...])))]
        }
        return CBOR.map(pairs).encoded()
    }
}
