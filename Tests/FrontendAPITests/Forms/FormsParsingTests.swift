import Foundation
import Testing
@testable import FrontendAPI

/// Server-side parsing of form bodies and query strings.
@Suite struct FormsParsingTests {
    static func parse(_ text: String) throws -> FormParameters {
        try FormParameters(body: Array(text.utf8))
    }

    @Test func plusAndPercentTwentyAreSpaces() throws {
        let form = try Self.parse("first_name=Ada+B&last_name=Love%20lace&plus=%2B")
        #expect(form.string("first_name") == "Ada B")
        #expect(form.string("last_name") == "Love lace")
        #expect(form.string("plus") == "+")
    }

    @Test func repeatedKeysFormArraysInOrder() throws {
        let form = try Self.parse("scope=b&x=1&scope=a&scope[]=c")
        #expect(form.strings("scope") == ["b", "a", "c"])
        #expect(form.string("scope") == "b")
        #expect(form.strings("missing") == [])
        #expect(form.names == ["scope", "x", "scope[]"])
    }

    @Test func emptyAndValuelessSegments() throws {
        let form = try Self.parse("&&organization_id=&flag&=orphan&")
        #expect(form.string("organization_id") == "")
        #expect(form.contains("organization_id"))
        #expect(form.string("flag") == "")
        #expect(form.string("") == "orphan")
        #expect(form.pairs.count == 3)
        #expect(try Self.parse("").pairs.isEmpty)
    }

    @Test func valuesMayContainEquals() throws {
        #expect(try Self.parse("token=a=b==").string("token") == "a=b==")
    }

    @Test func booleansAcceptBothSpellings() throws {
        let form = try Self.parse("a=true&b=1&c=false&d=0&e=TRUE&f=&g=yes")
        #expect(try form.bool("a") == true)
        #expect(try form.bool("b") == true)
        #expect(try form.bool("c") == false)
        #expect(try form.bool("d") == false)
        #expect(try form.bool("e") == true)
        #expect(try form.bool("f") == nil)
        #expect(try form.bool("absent") == nil)
        #expect(throws: FormDecodingError.invalidValue(name: "g", expected: "boolean")) { try form.bool("g") }
    }

    @Test func integers() throws {
        let form = try Self.parse("limit=10&offset=-1&bad=1.5&huge=99999999999999999999999")
        #expect(try form.int("limit") == 10)
        #expect(try form.int("offset") == -1)
        #expect(throws: FormDecodingError.self) { try form.int("bad") }
        #expect(throws: FormDecodingError.self) { try form.int("huge") }
    }

    @Test func jsonObjects() throws {
        let form = try Self.parse("unsafe_metadata=%7B%22a%22%3A1%2C%22b%22%3A%7B%22c%22%3Anull%7D%7D&list=%5B1%5D&junk=%7B")
        #expect(try form.jsonObject("unsafe_metadata") == ["a": 1, "b": ["c": nil]])
        #expect(throws: FormDecodingError.invalidValue(name: "list", expected: "JSON object")) {
            try form.jsonObject("list")
        }
        #expect(throws: FormDecodingError.self) { try form.jsonObject("junk") }
        #expect(try form.jsonObject("absent") == nil)
    }

    @Test(arguments: [
        ("a=%", 2), ("a=%4", 2), ("a=%zz", 2), ("a=b%2", 3), ("x%G1=1", 1), ("ok=1&a=%%41", 7),
    ])
    func malformedEscapesThrowWithTheirOffset(input: String, offset: Int) {
        #expect(throws: FormDecodingError.malformedPercentEscape(offset: offset)) { try Self.parse(input) }
    }

    @Test func invalidUTF8IsRejected() {
        #expect(throws: FormDecodingError.invalidUTF8(offset: 2)) { try Self.parse("a=%FF") }
        #expect(throws: FormDecodingError.invalidUTF8(offset: 4)) { try Self.parse("a=1&%C3=x") }
        #expect(throws: FormDecodingError.invalidUTF8(offset: 2)) {
            try FormParameters(body: Array("a=".utf8) + [0xC3, 0x28])
        }
    }

    @Test func validMultibyteSequences() throws {
        let form = try Self.parse("name=Zo%C3%AB&emoji=%F0%9F%94%91&raw=é")
        #expect(form.string("name") == "Zoë")
        #expect(form.string("emoji") == "🔑")
        #expect(form.string("raw") == "é")
    }

    @Test func queryStrings() throws {
        let query = try FormParameters(query: "_is_native=1&_clerk_session_id=sess_123&rotating_token_nonce=a%2Fb")
        #expect(try query.bool("_is_native") == true)
        #expect(query.string("_clerk_session_id") == "sess_123")
        #expect(query.string("rotating_token_nonce") == "a/b")
    }

    @Test func encoderOutputParsesBackToTheSameValues() throws {
        let body: FormFields = [
            "identifier": "ünïcødé +&=%?/ user@example.com", "flag": true, "codes": ["1 2", "3&4", ""],
            "unsafe_metadata": .json(["k": "v w"]),
        ]
        let form = try FormParameters(body: body.encodedData)
        #expect(form.string("identifier") == "ünïcødé +&=%?/ user@example.com")
        #expect(try form.bool("flag") == true)
        #expect(form.strings("codes") == ["1 2", "3&4", ""])
        #expect(try form.jsonObject("unsafe_metadata") == ["k": "v w"])
    }

    /// Arbitrary bytes never trap: each input either parses or throws a `FormDecodingError`; and anything
    /// that parses survives escaping and re-parsing unchanged.
    @Test func arbitraryBytesNeverTrap() throws {
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet: [UInt8] = Array("%&=+ab0F9".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xA9, 0xFF, 0xF0, 0x9F]
        var parsed = 0
        for _ in 0..<5_000 {
            let length = Int(generator.next() % 24)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            guard let form = try? FormParameters(body: bytes) else { continue }
            parsed += 1
            let reencoded = form.pairs
                .map { FormURLEncoding.escape($0.name) + "=" + FormURLEncoding.escape($0.value) }
                .joined(separator: "&")
            let again = try FormParameters(body: Array(reencoded.utf8))
            #expect(again.pairs == form.pairs)
        }
        #expect(parsed > 100, "the generator should produce a fair share of parseable inputs")
    }
}

/// A small deterministic generator, so the byte test explores the same inputs on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
