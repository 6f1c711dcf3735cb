import Foundation
@testable import FrontendAPI

/// JSON payloads under `Tests/FrontendAPITests/Fixtures`, hand-written to the spec's schemas
/// (each validates against its `components/schemas` entry).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try FAPIJSON.decode(type, from: data(name))
    }
}

/// Parses JSON into a comparable tree.
func jsonTree(_ data: Data) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: data)
}

/// Parses a JSON string literal into a comparable tree.
func jsonTree(_ text: String) throws -> JSONValue {
    try jsonTree(Data(text.utf8))
}

/// The encoded form of `value` as a JSON string.
func encodedString(_ value: some Encodable) throws -> String {
    String(decoding: try FAPIJSON.encode(value), as: UTF8.self)
}
