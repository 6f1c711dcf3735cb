/// Trimming and prefix checks in the standard library: Foundation's `trimmingCharacters(in:)` goes through `NSString`
/// on Linux, which cost about 5% of a `GET /v1/client` (perf, release build).
extension String {
    /// Without leading and trailing white space (Unicode's White_Space property, the set Foundation's
    /// `.whitespacesAndNewlines` names); `self` when there is none to remove.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Whether `self` starts with `prefix`, ASCII letters compared without case (HTTP's auth schemes).
    func hasASCIIPrefixIgnoringCase(_ prefix: String) -> Bool {
        var own = utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = own.next(), Self.asciiLowercased(byte) == Self.asciiLowercased(expected) else { return false }
        }
        return true
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
