import FrontendAPI
import Portal
import TerminalUI

/// What the billing views share: how an item, a status and a list's paging read.
enum BillingRows {
    /// "$20.00 / Month" and the item's badge and caption, as a subscription's row reads.
    static func itemDetail(_ item: BillingSubscriptionItem) -> String? {
        SectionControls.badgeText([BillingFormat.itemFee(item), BillingFormat.badge(item), BillingFormat.caption(item)].compactMap { $0 })
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
