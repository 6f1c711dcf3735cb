/// What a request says about the device it came from: the `User-Agent` of browsers and of our own client, and the
/// headers Clerk's native SDKs add (`x-mobile` from clerk-ios, clerk-android and Expo; `x-device-type` from
/// clerk-ios; `x-android-sdk-version`). A session's `latest_activity` is described from it.
struct ClientDevice: Sendable, Equatable {
    var userAgent: String?
    /// `x-mobile: 1` on phones and tablets, `0` on a Mac.
    var mobileHeader: Bool?
    /// clerk-ios's `x-device-type`: iphone, ipad, mac, watch, tv, vision, carplay.
    var deviceTypeHeader: String?
    var isAndroidSDK = false

    /// The fields of Clerk's `session_activity` this device gives.
    struct Description: Sendable, Equatable {
        var deviceType: String?
        var browserName: String?
        var browserVersion: String?
        var isMobile: Bool
    }

    var description: Description {
        let agent = userAgent ?? ""
        let deviceType = Self.appleDevices[deviceTypeHeader?.lowercased() ?? ""] ?? Self.deviceType(agent, android: isAndroidSDK)
        let browser = Self.browser(agent)
        let isMobile = mobileHeader ?? (["iPhone", "iPad", "Android"].contains(deviceType) || agent.contains("Mobile"))
        return Description(deviceType: deviceType, browserName: browser?.name, browserVersion: browser?.version,
                           isMobile: isMobile)
    }

    private static let appleDevices = [
        "iphone": "iPhone", "ipad": "iPad", "mac": "Macintosh", "watch": "Apple Watch", "tv": "Apple TV",
        "vision": "Apple Vision Pro", "carplay": "CarPlay",
    ]

    /// Named as Clerk names them ("Macintosh", "iPhone", "Windows"): the first platform token the agent carries.
    private static func deviceType(_ agent: String, android: Bool) -> String? {
        let platforms: [(token: String, name: String)] = [
            ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("CrOS", "ChromeOS"),
            ("Macintosh", "Macintosh"), ("Mac OS X", "Macintosh"), ("Darwin", "Macintosh"), ("Windows", "Windows"),
            ("Linux", "Linux"), ("X11", "Linux"),
        ]
        if android { return "Android" }
        return platforms.first { agent.contains($0.token) }?.name
    }

    /// Browsers by the product token that tells them apart, most specific first (Edge and Opera also say Chrome,
    /// Chrome also says Safari).
    private static let browsers: [(token: String, name: String)] = [
        ("Edg/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chrome/", "Chrome"),
    ]

    /// The browser and its version; for anything else (our own client, an app's HTTP library) the agent's first
    /// product, as in `clerk-tui/0.5.0 (Linux)` or `okhttp/4.12.0`.
    private static func browser(_ agent: String) -> (name: String, version: String?)? {
        for browser in browsers {
            if let version = version(after: browser.token, in: agent) { return (browser.name, version) }
        }
        if agent.contains("Safari/"), let version = version(after: "Version/", in: agent) { return ("Safari", version) }
        guard let product = agent.split(separator: " ").first, !product.hasPrefix("Mozilla/") else { return nil }
        let parts = product.split(separator: "/", maxSplits: 1)
        guard let name = parts.first, !name.isEmpty else { return nil }
        return (String(name), parts.count > 1 ? String(parts[1]) : nil)
    }

    private static func version(after token: String, in agent: String) -> String? {
        guard let range = agent.range(of: token) else { return nil }
        let version = agent[range.upperBound...].prefix { $0.isNumber || $0 == "." }
        return version.isEmpty ? nil : String(version)
    }
}
