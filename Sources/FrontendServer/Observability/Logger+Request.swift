import Logging

extension Logger {
    /// This logger with a request's caller address and, once it has one, its trace id: what every line about a
    /// request carries. Built only for a line that is written (tagging costs on every request otherwise).
    func tagged(ip: String, traceID: String? = nil) -> Logger {
        var logger = self
        if let traceID { logger[metadataKey: "trace_id"] = "\(traceID)" }
        logger[metadataKey: "ip"] = "\(ip)"
        return logger
    }
}
