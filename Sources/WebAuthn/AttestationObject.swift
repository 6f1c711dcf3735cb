import Foundation

/// A registration's `attestationObject`: the CBOR map `{fmt, attStmt, authData}`. libfido2 takes each part separately
/// (`fido_cred_set_fmt`, `fido_cred_set_attstmt`, `fido_cred_set_authdata_raw`), so the map is taken apart here.
public struct AttestationObject: Sendable, Equatable {
    public var format: String
    /// The attestation statement map (`alg`, `sig` and optional `x5c` for `packed`; empty for `none`).
    public var statement: CBOR
    public var authenticatorData: AuthenticatorData

    public init(format: String, statement: CBOR, authenticatorData: AuthenticatorData) {
        self.format = format
        self.statement = statement
        self.authenticatorData = authenticatorData
    }

    public init(_ encoded: Data) throws {
        let map = try CBOR.decode(encoded)
        guard let format = map[text: "fmt"]?.textValue, let statement = map[text: "attStmt"],
              case .map = statement, let authData = map[text: "authData"]?.bytesValue else {
            throw CBORError("attestationObject lacks fmt, attStmt or authData")
        }
        self.format = format
        self.statement = statement
        authenticatorData = try AuthenticatorData(authData)
    }

    /// The CBOR encoding a client posts, base64url'd, as `attestationObject`.
    public var encoded: Data {
        CBOR.map([.init(.text("fmt"), .text(format)), .init(.text("attStmt"), statement),
                  .init(.text("authData"), .bytes(authenticatorData.raw))]).encoded()
    }
}
