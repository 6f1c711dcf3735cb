import Foundation

/// How `serve` treats slow, idle and numerous clients (`[connections]`).
///
/// A connection that has sent no complete request head, or sits idle between requests, for `idleTimeout` is closed;
/// a request being answered is never cut (long-polling is safe). Connections past `maxConnections` in total, or past
/// `maxConnectionsPerAddress` from one address, get a `503` with `Connection: close` at once. Both caps shrink to fit
/// the process's descriptor limit (`ulimit -n`), so that accepting never runs out of descriptors.
public struct ConnectionSettings: Sendable, Equatable {
    /// Seconds a connection may go without a complete request head, or idle between requests.
    public var idleTimeout: TimeInterval = 30
    public var maxConnections = 1024
    public var maxConnectionsPerAddress = 128
    public init() {}

    /// Descriptors kept back from `ulimit -n` for the store, the event loops, the hasher's threads and refusals.
    static let reservedDescriptors = 64

    /// The caps in force under a descriptor limit: the total leaves `reservedDescriptors` free, and one address may
    /// hold at most a quarter of it, so that a single address cannot shut the others out.
    func effectiveCaps(descriptorLimit: Int) -> (total: Int, perAddress: Int) {
        let total = max(4, min(maxConnections, descriptorLimit - Self.reservedDescriptors))
        return (total, max(1, min(maxConnectionsPerAddress, total / 4)))
    }

    func validate() throws {
        guard idleTimeout > 0, maxConnections > 0, maxConnectionsPerAddress > 0 else {
            throw SettingsFile.Invalid(description: "connections: idle_timeout_seconds, max_connections and "
                                       + "max_connections_per_address must be positive")
        }
    }
}
