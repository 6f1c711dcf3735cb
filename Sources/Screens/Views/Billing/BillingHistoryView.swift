import FrontendAPI
import Portal
import TerminalUI

/// How a billing history reads on a Billing page: its section, each row's line, and one row's card.
protocol BillingHistoryView: BillingHistory {
    static var title: String { get }
    static var empty: String { get }
    static var notFound: String { get }
    /// The row's line on the page: when, and what it amounts to with its status.
    static func line(_ row: Row) -> (title: String, detail: String)
    static func card(_ row: Row) -> Card
}

extension BillingHistorySection: PageSectionView where Host: SectionedScreen, History: BillingHistoryView {
    /// The history's rows, newest first, and its paging.
    func rows(_ host: Host) -> [Control] {
        guard host.billingAccount.canRead else { return [] }
        var controls: [Control] = [.section(History.title)]
        if list.isLoaded, list.rows.isEmpty { controls.append(.row(History.empty, detail: nil)) }
        for row in list.rows {
            let line = History.line(row)
            controls.append(.option(line.title, detail: line.detail, action: Self.opening(.detail(id: History.id(row)))))
        }
        return controls + BillingRows.paging(list) { Self.doing($0) }
    }

    func card(_ step: Step, _ host: Host) -> Card {
        guard let detail else { return Card(title: History.title, subtitle: History.notFound) }
        return History.card(detail)
    }
}
