/// Space to leave inside a rect's edges.
public struct Padding: Hashable, Sendable {
    public var top: Int
    public var right: Int
    public var bottom: Int
    public var left: Int

    public init(top: Int = 0, right: Int = 0, bottom: Int = 0, left: Int = 0) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }

    public static func all(_ n: Int) -> Padding { Padding(top: n, right: n, bottom: n, left: n) }
    public static func horizontal(_ n: Int) -> Padding { Padding(right: n, left: n) }
    public static func vertical(_ n: Int) -> Padding { Padding(top: n, bottom: n) }
}
