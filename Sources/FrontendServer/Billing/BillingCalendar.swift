import Foundation

/// Billing periods on the calendar (UTC): a month or a year from a start, calendar months for statements, and the
/// whole days proration counts.
enum BillingCalendar {
    static let dayMS: Int64 = 86_400_000

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// One `period` after `start` (a month later on the same day, clamped to the month's end, or a year later).
    static func advance(_ start: Int64, by period: BillingPeriod) -> Int64 {
        let component: Calendar.Component = period == .month ? .month : .year
        let date = Date(epochMilliseconds: start)
        return calendar.date(byAdding: component, value: 1, to: date)?.epochMilliseconds ?? start + 30 * dayMS
    }

    /// `days` days after `start`.
    static func adding(days: Int, to start: Int64) -> Int64 { start + Int64(days) * dayMS }

    /// The calendar month (UTC) that contains `instant`: its first instant and the first instant of the next month.
    static func month(containing instant: Int64) -> (start: Int64, end: Int64) {
        let date = Date(epochMilliseconds: instant)
        let start = calendar.date(from: calendar.dateComponents([.year, .month], from: date)) ?? date
        let end = calendar.date(byAdding: .month, value: 1, to: start) ?? date
        return (start.epochMilliseconds, end.epochMilliseconds)
    }

    /// Midnight (UTC) of the day of `instant`: statement groups are per day.
    static func day(containing instant: Int64) -> Int64 { instant - ((instant % dayMS) + dayMS) % dayMS }

    /// Whole days from `start` to `end`, at least 1.
    static func days(from start: Int64, to end: Int64) -> Int { max(1, Int((end - start + dayMS / 2) / dayMS)) }

    /// Whole days left of a period at `now` (rounded down), between 0 and the period's days.
    static func daysLeft(now: Int64, start: Int64, end: Int64) -> Int {
        min(days(from: start, to: end), max(0, Int((end - now) / dayMS)))
    }
}
