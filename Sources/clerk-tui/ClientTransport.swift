import FrontendAPI
import Foundation

extension TransportOptions {
    /// This program's requests: they name it, its version and the system, as `clerk-tui/0.5.0 (Linux)`, so a
    /// user's Active devices list shows the terminal sessions as such.
    static func clerkTUI(allowsInsecureHTTP: Bool) -> TransportOptions {
        var system = utsname()
        uname(&system)
        let name = withUnsafeBytes(of: &system.sysname) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return TransportOptions(allowsInsecureHTTP: allowsInsecureHTTP,
                                userAgent: "clerk-tui/\(ClerkTUI.version) (\(name.isEmpty ? "Unix" : name))")
    }
}
