/// Percent-encoding for `application/x-www-form-urlencoded` bodies (the spec calls FAPI "a Form Based API") and
/// query strings.
public enum FormURLEncoding {
    /// Escapes `string` the way clerk-ios does: RFC 3986 unreserved characters plus `/` and `?` stay as
    /// they are, a space becomes `%20`, every other UTF-8 byte becomes `%XX` (upper-case hex).
    public static func escape(_ string: String) -> String {
        var output = [UInt8]()
        output.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            if isUnescaped(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes one form component: `+` is a space, `%XX` a byte; the result must be valid UTF-8.
    ///
    /// - Parameter offset: where `component` starts in the whole input, for error positions.
    public static func unescape<Bytes: Collection<UInt8>>(_ component: Bytes, offset: Int = 0) throws(FormDecodingError)
        -> String
    {
        var output = [UInt8]()
        output.reserveCapacity(component.count)
        var index = component.startIndex
        var position = offset
        while index != component.endIndex {
            let byte = component[index]
            switch byte {
            case UInt8(ascii: "+"):
                output.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let high = component.index(after: index)
                guard high != component.endIndex, let highValue = hexValue(component[high]) else {
                    throw .malformedPercentEscape(offset: position)
                }
                let low = component.index(after: high)
                guard low != component.endIndex, let lowValue = hexValue(component[low]) else {
                    throw .malformedPercentEscape(offset: position)
                }
                output.append(highValue << 4 | lowValue)
                index = low
                position += 2
            default:
                output.append(byte)
            }
            index = component.index(after: index)
            position += 1
        }
        guard let string = String(validating: output, as: UTF8.self) else {
            throw .invalidUTF8(offset: offset)
        }
        return string
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnescaped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
            UInt8(ascii: "/"), UInt8(ascii: "?"):
            true
        default:
            false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
