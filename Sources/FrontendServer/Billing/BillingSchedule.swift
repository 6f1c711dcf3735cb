/// What the clock does to a payer's subscription items, as pure functions of the items and the time: which event falls
/// due next, when, and which item entitles the payer right now. `BillingLedger` applies the events; session tokens
/// read the entitlement without writing, and both agree because both come from here.
enum BillingSchedule {
    enum Event: Sendable {
        /// A paid item's period (or trial) ended: charge the next period.
        case renew(BillingSubscriptionItemRecord, at: Int64)
        /// A cancelled item's period ended: it ends, and its successor starts.
        case end(BillingSubscriptionItemRecord, at: Int64)
        /// An upcoming item whose predecessor is gone starts.
        case start(BillingSubscriptionItemRecord, at: Int64)

        var at: Int64 {
            switch self {
            case .renew(_, let at), .end(_, let at), .start(_, let at): at
            }
        }

        /// At the same instant, periods end before others start, and both before renewals.
        var rank: Int {
            switch self {
            case .end: 0
            case .start: 1
            case .renew: 2
            }
        }
    }

    /// The earliest event due by `now`, if any.
    static func nextEvent(_ items: [BillingSubscriptionItemRecord], now: Int64) -> Event? {
        let running = items.contains { $0.status != .upcoming }
        let events: [Event] = items.compactMap { item in
            switch item.status {
            case .active where item.amount > 0:
                item.periodEnd.flatMap { $0 <= now ? .renew(item, at: $0) : nil }
            case .canceled:
                item.periodEnd.flatMap { $0 <= now ? .end(item, at: $0) : nil }
            case .upcoming where !running && item.periodStart <= now:
                .start(item, at: item.periodStart)
            default:
                nil
            }
        }
        return events.min { ($0.at, $0.rank) < ($1.at, $1.rank) }
    }

    /// When the next event falls due (nil: never). `past_due` items wait for the payer; free items never renew.
    static func nextDue(_ items: [BillingSubscriptionItemRecord]) -> Int64? {
        items.compactMap { item -> Int64? in
            switch item.status {
            case .active where item.amount > 0, .canceled: item.periodEnd
            case .upcoming: item.periodStart
            default: nil
            }
        }.min()
    }

    /// The item that entitles the payer at `now`: the latest-starting one that has started and still grants access.
    /// Active and past-due items keep access while a renewal is pending or unpaid; cancelled ones until their period
    /// ends; upcoming ones from their start. Nil: the default plan.
    static func entitled(_ items: [BillingSubscriptionItemRecord], now: Int64) -> BillingSubscriptionItemRecord? {
        let granting = items.filter { item in
            guard item.periodStart <= now else { return false }
            switch item.status {
            case .active, .pastDue, .upcoming: return true
            case .canceled: return item.periodEnd.map { now < $0 } ?? true
            case .ended: return false
            }
        }
        return granting.max { ($0.periodStart, $0.status == .canceled ? 0 : 1) < ($1.periodStart, $1.status == .canceled ? 0 : 1) }
    }
}
