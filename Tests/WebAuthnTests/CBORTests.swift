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
