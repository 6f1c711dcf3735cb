import CFido2
import Foundation

/// A CBOR data item, decoded and encoded by libcbor. Only what WebAuthn carries: integers, byte and text strings,
/// arrays, maps and booleans.
public indirect enum CBOR: Sendable, Equatable {
    case unsigned(UInt64)
    /// A negative integer `-1 - n`.
    case negative(UInt64)
    case bytes(Data)
    case text(String)
    case array([CBOR])
    /// Pairs in their encoded order (CTAP2's canonical order when this program encodes them).
    case map([Pair])
    case bool(Bool)

    public struct Pair: Sendable, Equatable {
        public var key: CBOR
        public var value: CBOR
        public init(_ key: CBOR, _ value: CBOR) {
            self.key = key
            self.value = value
        }
    }

    /// An integer item (`-7` is `.negative(6)`).
    public static func int(_ value: Int) -> CBOR { value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-1 - value)) }

    public var intValue: Int? {
        switch self {
        case .unsigned(let n) where n <= UInt64(Int.max): Int(n)
        case .negative(let n) where n < UInt64(Int.max): -1 - Int(n)
        default: nil
        }
    }

    public var bytesValue: Data? { if case .bytes(let data) = self { data } else { nil } }
    public var textValue: String? { if case .text(let text) = self { text } else { nil } }
    public var arrayValue: [CBOR]? { if case .array(let items) = self { items } else { nil } }

    /// The value under `key` in a map.
    public subscript(key: CBOR) -> CBOR? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    public subscript(text key: String) -> CBOR? { self[.text(key)] }
    public subscript(int key: Int) -> CBOR? { self[.int(key)] }
}

/// Why bytes are not the CBOR an item needs.
public struct CBORError: Error, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension CBOR {
    /// Decodes the first item of `data`; `read` is how many bytes it took, so that an item followed by more (a COSE key
    /// inside authenticator data) can be measured.
    public static func decode(prefixOf data: Data) throws -> (item: CBOR, read: Int) {
        guard !data.isEmpty else { throw CBORError("empty CBOR") }
        var result = cbor_load_result()
        let loaded = data.withUnsafeBytes { raw in
            cbor_load(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, &result)
        }
        var owned = loaded
        defer { if owned != nil { cbor_decref(&owned) } }
        guard let item = loaded, result.error.code == CBOR_ERR_NONE else { throw CBORError("malformed CBOR") }
        return (try convert(item, depth: 0), result.read)
    }

    /// Decodes `data`, which must hold exactly one item.
    public static func decode(_ data: Data) throws -> CBOR {
        let (item, read) = try decode(prefixOf: data)
        guard read == data.count else { throw CBORError("trailing bytes after CBOR item") }
        return item
    }

    private static func convert(_ item: UnsafeMutablePointer<cbor_item_t>, depth: Int) throws -> CBOR {
        guard depth < 16 else { throw CBORError("CBOR nested too deeply") }
        switch cbor_typeof(item) {
        case CBOR_TYPE_UINT: return .unsigned(cbor_get_int(item))
        case CBOR_TYPE_NEGINT: return .negative(cbor_get_int(item))
        case CBOR_TYPE_BYTESTRING:
            guard cbor_bytestring_is_definite(item) else { throw CBORError("indefinite byte string") }
            return .bytes(Data(bytes: cbor_bytestring_handle(item), count: cbor_bytestring_length(item)))
        case CBOR_TYPE_STRING:
            guard cbor_string_is_definite(item) else { throw CBORError("indefinite text string") }
            let bytes = UnsafeBufferPointer(start: cbor_string_handle(item), count: cbor_string_length(item))
            guard let text = String(validating: bytes, as: UTF8.self) else { throw CBORError("text string is not UTF-8") }
            return .text(text)
        case CBOR_TYPE_ARRAY:
            let handle = cbor_array_handle(item)
            return .array(try (0..<cbor_array_size(item)).map { try convert(handle![$0]!, depth: depth + 1) })
        case CBOR_TYPE_MAP:
            let handle = cbor_map_handle(item)
            return .map(try (0..<cbor_map_size(item)).map {
                Pair(try convert(handle![$0].key, depth: depth + 1), try convert(handle![$0].value, depth: depth + 1))
            })
        case CBOR_TYPE_FLOAT_CTRL where cbor_is_bool(item): return .bool(cbor_get_bool(item))
        default: throw CBORError("unsupported CBOR item")
        }
    }

    /// The item's CBOR encoding.
    public func encoded() -> Data {
        var owned = build()
        defer { if owned != nil { cbor_decref(&owned) } }
        guard let item = owned else { return Data() }
        var buffer: UnsafeMutablePointer<UInt8>? = nil
        var capacity = 0
        let length = cbor_serialize_alloc(item, &buffer, &capacity)
        defer { free(buffer) }
        guard let buffer, length > 0 else { return Data() }
        return Data(bytes: buffer, count: length)
    }

    /// An integer in its shortest encoding, as CTAP2's canonical CBOR requires (libfido2 refuses longer ones).
    private static func smallest(
        _ n: UInt64, _ b8: (UInt8) -> UnsafeMutablePointer<cbor_item_t>?, _ b16: (UInt16) -> UnsafeMutablePointer<cbor_item_t>?,
        _ b32: (UInt32) -> UnsafeMutablePointer<cbor_item_t>?, _ b64: (UInt64) -> UnsafeMutablePointer<cbor_item_t>?
    ) -> UnsafeMutablePointer<cbor_item_t>? {
        if n <= UInt64(UInt8.max) { return b8(UInt8(n)) }
        if n <= UInt64(UInt16.max) { return b16(UInt16(n)) }
        if n <= UInt64(UInt32.max) { return b32(UInt32(n)) }
        return b64(n)
    }

    /// A new libcbor item (reference count 1) for this value.
    private func build() -> UnsafeMutablePointer<cbor_item_t>? {
        switch self {
        case .unsigned(let n): return Self.smallest(n, cbor_build_uint8, cbor_build_uint16, cbor_build_uint32, cbor_build_uint64)
        case .negative(let n): return Self.smallest(n, cbor_build_negint8, cbor_build_negint16, cbor_build_negint32, cbor_build_negint64)
        case .bytes(let data): return data.withUnsafeBytes { cbor_build_bytestring($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
        case .text(let text): return text.withCString { cbor_build_stringn($0, text.utf8.count) }
        case .bool(let value): return cbor_build_bool(value)
        case .array(let items):
            let array = cbor_new_definite_array(items.count)
            for element in items {
                guard let built = element.build() else { continue }
                _ = cbor_array_push(array, cbor_move(built))
            }
            return array
        case .map(let pairs):
            let map = cbor_new_definite_map(pairs.count)
            for pair in pairs {
                guard let key = pair.key.build(), let value = pair.value.build() else { continue }
                _ = cbor_map_add(map, cbor_pair(key: cbor_move(key), value: cbor_move(value)))
            }
            return map
        }
    }
}
