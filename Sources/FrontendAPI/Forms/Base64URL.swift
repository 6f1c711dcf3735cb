import Foundation

extension Data {
    /// RFC 4648 §5 base64url without padding, as JOSE uses it.
    public func base64URLEncodedString() -> String {
        // A byte-wise pass: Foundation's `replacingOccurrences` showed up as a sizeable share of every token mint.
        var bytes: [UInt8] = []
        bytes.reserveCapacity((count + 2) / 3 * 4)
        for byte in base64EncodedString().utf8 {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: "-"))
            case UInt8(ascii: "/"): bytes.append(UInt8(ascii: "_"))
            case UInt8(ascii: "="): break
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
