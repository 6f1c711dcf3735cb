import FrontendAPI
import Portal
import TerminalUI

/// What the billing views share: how an item, a status and a list's paging read.
enum BillingRows {
    /// "$20.00 / month", the item's badge and its caption, as a row of Clerk's subscriptions list reads: the badge
    /// when there is something to tell apart (a trial, a cancellation, several items), the caption for a paid plan or
    /// an upcoming one.
    static func itemDetail(_ item: BillingSubscriptionItem, among count: Int) -> String? {
        let showsBadge = item.isFreeTrial || count > 1 || item.canceledAt != nil
        let showsCaption = item.plan?.isDefault != true || item.status == "upcoming"
        return SectionControls.badgeText(
            [BillingFormat.itemFee(item), showsBadge ? BillingFormat.badge(item) : nil, showsCaption ? BillingFormat.caption(item) : nil]
                .compactMap { $0 })
    }

    /// "Paid", "Failed", "Pending", "Open": a status as Clerk's badges capitalize it.
    static func status(_ status: String) -> String { status.prefix(1).uppercased() + status.dropFirst() }

    /// "Back" and "Load more" under a list with more pages.
    static func paging<Row>(_ list: BillingList<Row>, _ act: (BillingListMove) -> PortalMachine.Event) -> [Control] {
        var controls: [Control] = []
        if list.hasPrevious { controls.append(.link(Copy.back, prefix: nil, action: act(.previous), enabled: true)) }
        if list.hasNext { controls.append(.link(Copy.Organizations.loadMore, prefix: nil, action: act(.next), enabled: true)) }
        return controls
    }
}
