import Foundation
import Testing
@testable import WebAuthn

@Suite("CBOR through libcbor")
struct CBORTests {
    @Test func roundTripsTheItemsWebAuthnCarries() throws {
        let item = CBOR.map([.init(.text("fmt"), .text("none")), .init(.int(-7), .bytes(Data([1, 2, 3]))),
                             .init(.int(3), .array([.bool(true), .int(-257)]))])
        let decoded = try CBOR.decode(item.encoded())
        #expect(decoded == item)
        #expect(decoded[int: -7]?.bytesValue == Data([1, 2, 3]))
        #expect(decoded[int: 3]?.arrayValue?.last?.intValue == -257)
    }

    @Test func refusesTruncatedAndTrailingBytes() {
        let encoded = CBOR.map([.init(.text("a"), .bytes(Data(repeating: 7, count: 40)))]).encoded()
        #expect(throws: CBORError.self) { try CBOR.decode(encoded.dropLast(3)) }
        #expect(throws: CBORError.self) { try CBOR.decode(encoded + Data([0])) }
    }
}

extension CBORTests {
    /// CTAP2 canonical CBOR: integers in their shortest form (libfido2 refuses COSE keys encoded otherwise).
    @Test func integersTakeTheirShortestEncoding() {
        #expect(CBOR.int(-7).encoded() == Data([0x26]))
        #expect(CBOR.int(3).encoded() == Data([0x03]))
        #expect(CBOR.int(-257).encoded() == Data([0x39, 0x01, 0x00]))
        #expect(CBOR.int(70_000).encoded() == Data([0x1a, 0x00, 0x01, 0x11, 0x70]))
    }
}
