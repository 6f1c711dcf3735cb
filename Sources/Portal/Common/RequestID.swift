/// Identifies one backend call a machine asked for, so a late answer to an abandoned call is dropped.
///
/// `scope` is the machine instance (a new sign-in after going back gets a new scope); `serial` counts calls
/// within it.
public struct RequestID: Hashable, Sendable, CustomStringConvertible {
    public let scope: Int
    public let serial: Int

    public init(scope: Int, serial: Int) {
        self.scope = scope
        self.serial = serial
    }

    public var description: String { "req\(scope).\(serial)" }
}

/// Hands out ``RequestID``s for one machine instance.
public struct RequestCounter: Equatable, Sendable {
    public let scope: Int
    private var last = 0

    public init(scope: Int) { self.scope = scope }

    public mutating func next() -> RequestID {
        last += 1
        return RequestID(scope: scope, serial: last)
    }
}
