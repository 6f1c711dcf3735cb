import Foundation

/// One JSON line per connect and disconnect on standard error: remote IP and port, user name, key
/// fingerprint, TERM and size, duration, outcome. Never a password, token or key material.
public struct ConnectionLog: Sendable {
    private let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }) {
        self.write = write
    }

    /// Writes `{"event": event, …fields}` with a UTC timestamp.
    func record(_ event: String, _ fields: [String: LogValue]) {
        var object: [String: Any] = ["event": event, "time": ISO8601DateFormatter().string(from: Date())]
        for (key, value) in fields {
            switch value {
            case .string(let text): object[key] = text
            case .int(let number): object[key] = number
            }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        write(String(decoding: data, as: UTF8.self))
    }
}

/// A loggable field value.
enum LogValue: Sendable {
    case string(String)
    case int(Int)
}
