import ArgumentParser
import Foundation
import FrontendServer
import Logging

/// What operators of `serve` and `ssh` choose: the log format and a Prometheus metrics port.
struct OperatorOptions: ParsableArguments {
    enum LogFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("Log format on standard error: text, or json (one object per line, for log collectors).",
                               discussion: "LOG_LEVEL sets the level (default notice, which shows security events; info with json, which logs every request)."))
    var logFormat: LogFormat = .text
    @Option(help: "Serve Prometheus metrics at /metrics on this port (0 picks a free one); off by default.") var metricsPort: Int?
    @Option(help: "Address the metrics port listens on.") var metricsHost = "127.0.0.1"

    /// The command's logger, after sending every log of the process to the chosen format.
    func logger(label: String) -> Logger {
        switch logFormat {
        case .json: LoggingSystem.bootstrap(JSONLogHandler.init(label:))
        case .text: LoggingSystem.bootstrap(TextLogHandler.init(label:))
        }
        var logger = Logger(label: label)
        let fallback: Logger.Level = logFormat == .json ? .info : .notice
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? fallback
        return logger
    }

    /// Starts the metrics endpoint when a port was given, announcing it on standard output.
    func startMetrics(logger: Logger) async throws -> MetricsEndpoint? {
        guard let metricsPort else { return nil }
        let endpoint: MetricsEndpoint
        do { endpoint = try await MetricsEndpoint.start(host: metricsHost, port: metricsPort, logger: logger) } catch {
            throw ValidationError("cannot start the metrics endpoint: \(error)")
        }
        let host = metricsHost.contains(":") ? "[\(metricsHost)]" : metricsHost
        FileHandle.standardOutput.write(Data("Metrics listening on http://\(host):\(endpoint.port)/metrics\n".utf8))
        return endpoint
    }
}
