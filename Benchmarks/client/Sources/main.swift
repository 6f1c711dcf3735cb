// client-bench: times the FrontendAPI client against a running Frontend API.
//
//   client-bench <base-url> <iterations> <concurrency>
//
// Prints `key=value` lines: microseconds per sequential request through FrontendClient and through the
// bare CurlTransport, and requests per second with <concurrency> concurrent client calls.
import Foundation
import FrontendAPI

let arguments = CommandLine.arguments
guard arguments.count == 4, let baseURL = URL(string: arguments[1]), let iterations = Int(arguments[2]),
      let concurrency = Int(arguments[3]), iterations > 0, concurrency > 0
else {
    FileHandle.standardError.write(Data("usage: client-bench <base-url> <iterations> <concurrency>\n".utf8))
    exit(2)
}

let client = FrontendClient(instance: .local(baseURL: baseURL), tokenStore: MemoryTokenStore())
let transport = CurlTransport()
let rawRequest = HTTPRequest(
    method: .get, url: baseURL.appending(path: "/v1/environment").appending(queryItems: [.init(name: "_is_native", value: "true")]),
    headers: ["Accept": "application/json", "clerk-api-version": FrontendClient.apiVersion])

func microseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

// Warm up connections and caches.
for _ in 0..<20 {
    _ = try await client.environment()
    _ = try await transport.send(rawRequest)
}

let clock = ContinuousClock()
let clientTime = try await clock.measure {
    for _ in 0..<iterations { _ = try await client.environment() }
}
let transportTime = try await clock.measure {
    for _ in 0..<iterations { _ = try await transport.send(rawRequest) }
}
let perTask = max(1, iterations / concurrency)
let concurrentTime = try await clock.measure {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<concurrency {
            group.addTask { for _ in 0..<perTask { _ = try await client.environment() } }
        }
        try await group.waitForAll()
    }
}
print(String(format: "client_us=%.1f", microseconds(clientTime) / Double(iterations)))
print(String(format: "transport_us=%.1f", microseconds(transportTime) / Double(iterations)))
print(String(format: "concurrent_rps=%.0f", Double(perTask * concurrency) / (microseconds(concurrentTime) / 1e6)))
