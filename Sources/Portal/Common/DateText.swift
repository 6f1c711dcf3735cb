import Foundation

/// Dates as Clerk's en-US components write them, in UTC so that every machine (and every snapshot) reads the same.
public enum DateText {
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// "Jan 5, 2027" (`shortDate`, always with its year).
    public static func short(_ date: Date) -> String {
        let (year, month, day) = parts(date)
        return "\(months[month - 1].prefix(3)) \(day), \(year)"
    }

    /// "January 5, 2027" (`longDate`).
    public static func long(_ date: Date) -> String {
        let (year, month, day) = parts(date)
        return "\(months[month - 1]) \(day), \(year)"
    }

    /// "January 2027", as statements are titled.
    public static func monthYear(_ date: Date) -> String {
        let (year, month, _) = parts(date)
        return "\(months[month - 1]) \(year)"
    }

    private static func parts(_ date: Date) -> (year: Int, month: Int, day: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
