import Logging

/// swift-log's plain-text handler (`StreamLogHandler` on standard error) with the metadata kept aside until a line is
/// written. `StreamLogHandler` formats all of its metadata again each time a key is set, and Hummingbird sets one (its
/// request id) on every request, whether or not the level lets any line through: about 5% of a `GET /v1/client`.
public struct TextLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    private var stream: StreamLogHandler

    public init(label: String) {
        stream = .standardError(label: label)
    }

    public var logLevel: Logger.Level {
        get { stream.logLevel }
        set { stream.logLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.metadata = metadata.merging(event.metadata ?? [:]) { $1 }
        stream.log(event: event)
    }
}
