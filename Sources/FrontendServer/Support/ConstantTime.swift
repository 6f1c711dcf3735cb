/// Comparison of secrets whose running time does not depend on where they first differ.
enum ConstantTime {
    static func equals(_ lhs: some Sequence<UInt8>, _ rhs: some Sequence<UInt8>) -> Bool {
        let a = Array(lhs), b = Array(rhs)
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }

    static func equals(_ lhs: String, _ rhs: String) -> Bool { equals(lhs.utf8, rhs.utf8) }
}
