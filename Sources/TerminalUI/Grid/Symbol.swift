import Foundation

/// A cell's grapheme as plain data: up to 16 UTF-8 bytes inline, or the number of a longer one (a long emoji
/// sequence) in a process-wide table. Grids of cells are then made, compared and freed without reference
/// counting, which is most of what a frame costs.
struct Symbol: Hashable, Sendable {
    private var head: UInt64 = 0
    private var tail: UInt64 = 0
    /// Inline bytes used, or `Self.interned` when `head` numbers a long symbol.
    private var count: UInt8 = 0

    private static let inlineCapacity = 16
    private static let interned = UInt8.max

    static let space = Symbol(" ")
    static let empty = Symbol("")
    static let replacement = Symbol("\u{FFFD}")

    var isEmpty: Bool { count == 0 }

    init(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.count <= Self.inlineCapacity else {
                head = UInt64(LongSymbols.shared.number(of: String(decoding: bytes, as: UTF8.self)))
                count = Self.interned
                return
            }
            var storage = (UInt64(0), UInt64(0))
            withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            (head, tail) = storage
            count = UInt8(bytes.count)
        }
    }

    var string: String {
        if count == Self.interned { return LongSymbols.shared.symbol(Int(head)) }
        let storage = (head, tail)
        return withUnsafeBytes(of: storage) { String(decoding: $0.prefix(Int(count)), as: UTF8.self) }
    }
}

/// Symbols too long to keep inline, each stored once. Terminal UIs show few distinct ones, so it stays small.
private final class LongSymbols: @unchecked Sendable {
    static let shared = LongSymbols()

    private let lock = NSLock()
    private var symbols: [String] = []
    private var numbers: [String: Int] = [:]

    func number(of symbol: String) -> Int {
        lock.withLock {
            if let number = numbers[symbol] { return number }
            symbols.append(symbol)
            numbers[symbol] = symbols.count - 1
            return symbols.count - 1
        }
    }

    func symbol(_ number: Int) -> String {
        lock.withLock { symbols[number] }
    }
}
