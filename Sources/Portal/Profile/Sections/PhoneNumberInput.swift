/// The phone form's two inputs, a country-code prefix and the number, joined into E.164.
enum PhoneNumberInput {
    /// `+44`, `07700 900123` → `+447700900123`. Spaces, dashes, dots and brackets are dropped; a national
    /// trunk `0` is dropped after a country code; nil when what is left is not 4-15 digits in total.
    static func e164(countryCode: String, number: String) -> String? {
        let separators = Set(" -.()")
        let code = countryCode.filter { !separators.contains($0) }.drop { $0 == "+" }
        var digits = Substring(number.filter { !separators.contains($0) })
        if digits.hasPrefix("+") { return validated(String(digits.dropFirst())) }
        guard !code.isEmpty, code.allSatisfy(\.isASCIINumber) else { return nil }
        while digits.hasPrefix("0") { digits = digits.dropFirst() }
        return validated(String(code) + digits)
    }

    private static func validated(_ digits: String) -> String? {
        guard (4...15).contains(digits.count), digits.allSatisfy(\.isASCIINumber) else { return nil }
        return "+" + digits
    }
}

extension Character {
    fileprivate var isASCIINumber: Bool { isASCII && isNumber }
}
