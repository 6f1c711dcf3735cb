import Metrics

/// Counters about the store, exported on `--metrics-port` when metrics are on (no-ops otherwise).
enum StoreMetrics {
    /// A transaction that ran again after a serialization failure, deadlock or unique race (`sqlstate` says which).
    static func retried(sqlState: String) {
        Counter(label: "clerk_tui_db_transaction_retries_total", dimensions: [("sqlstate", sqlState)]).increment()
    }

    /// Pooled PostgreSQL connections leased right now (at most the pool's 16).
    static let connectionsInUse = Meter(label: "clerk_tui_db_connections_in_use")

    /// A request that found the store unreachable.
    static func unavailable() {
        Counter(label: "clerk_tui_db_unavailable_total").increment()
    }
}
