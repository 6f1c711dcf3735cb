/// How much of a split one part gets (ratatui's constraints, simplified).
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (or what is left, if less).
    case length(Int)
    /// This percentage of the whole.
    case percentage(Int)
    /// A share of whatever the fixed parts leave, by weight.
    case fill(Int)
}

/// The direction of a split.
public enum Axis: Sendable {
    case horizontal, vertical
}

extension Rect {
    /// Cuts the rect into consecutive parts along `axis`. Fixed parts are served first, in order;
    /// fill parts share the remainder by weight, the last fill part taking any rounding leftover.
    public func split(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        let total = axis == .horizontal ? width : height
        let gaps = max(0, constraints.count - 1) * spacing
        var remaining = max(0, total - gaps)
        var sizes = [Int](repeating: 0, count: constraints.count)
        for (index, constraint) in constraints.enumerated() {
            let wanted: Int
            switch constraint {
            case .length(let n): wanted = n
            case .percentage(let p): wanted = total * p / 100
            case .fill: continue
            }
            sizes[index] = min(max(0, wanted), remaining)
            remaining -= sizes[index]
        }
        let weights = constraints.map { if case .fill(let w) = $0 { max(0, w) } else { 0 } }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            let pool = remaining
            let lastFill = weights.lastIndex { $0 > 0 }
            for (index, weight) in weights.enumerated() where weight > 0 {
                let share = index == lastFill ? remaining : pool * weight / totalWeight
                sizes[index] = share
                remaining -= share
            }
        }
        var offset = axis == .horizontal ? x : y
        return sizes.map { size in
            defer { offset += size + spacing }
            return axis == .horizontal
                ? Rect(x: offset, y: y, width: size, height: height)
                : Rect(x: x, y: offset, width: width, height: size)
        }
    }
}
