import Foundation
import Logging
import Synchronization

/// One JSON object per line on standard error, for log collectors: `ts` (RFC 3339, UTC, ms), `level`, `logger`,
/// `message`, then the metadata as fields (`request_id`, `route`, `status`, `latency_ms`, …).
///
/// swift-log ships only a plain-text handler. Callers never put secrets in log metadata (the server logs ids and
/// outcomes only), so this handler does not filter fields.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private static let output = Mutex(FileHandle.standardError)

    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: Any] = [
            "ts": Self.timestamp(Date()), "level": event.level.rawValue, "logger": label, "message": "\(event.message)",
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = Self.json(value)
        }
        guard var line = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(UInt8(ascii: "\n"))
        Self.output.withLock { $0.write(line) }
    }

    /// Numbers stay numbers (`"status": 200`), so collectors can compare them.
    private static func json(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let text): return text
        case .stringConvertible(let convertible):
            if let number = convertible as? any BinaryInteger { return Int(number) }
            if let number = convertible as? Double { return number }
            return convertible.description
        case .array(let items): return items.map(json)
        case .dictionary(let entries): return entries.mapValues(json)
        }
    }

    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private static func timestamp(_ date: Date) -> String {
        style.format(date)
    }
}
