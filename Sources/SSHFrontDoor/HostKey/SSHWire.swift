/// Big-endian SSH wire encoding (RFC 4251 §5): `uint32` and length-prefixed `string`s.
struct SSHWireWriter {
    var bytes: [UInt8] = []

    mutating func write(_ value: UInt32) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    mutating func write(bytes blob: [UInt8]) {
        write(UInt32(blob.count))
        bytes += blob
    }

    mutating func write(string: String) {
        write(bytes: Array(string.utf8))
    }
}

/// Reads what ``SSHWireWriter`` writes; every read returns nil past the end.
struct SSHWireReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func readBytes(count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func readUInt32() -> UInt32? {
        readBytes(count: 4).map { $0.reduce(0) { $0 << 8 | UInt32($1) } }
    }

    mutating func readBlob() -> [UInt8]? {
        guard let length = readUInt32() else { return nil }
        return readBytes(count: Int(length))
    }

    mutating func readString() -> String? {
        readBlob().map { String(decoding: $0, as: UTF8.self) }
    }
}
