import Testing
@testable import FrontendServer

/// How a request's headers become a session's `latest_activity` (device, browser, mobile).
@Suite("Client devices")
struct ClientDeviceTests {
    typealias Described = ClientDevice.Description

    @Test(arguments: [
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/17.5 Mobile/15E148 Safari/604.1",
         Described(deviceType: "iPhone", browserName: "Safari", browserVersion: "17.5", isMobile: true)),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
            + "Safari/537.36 Edg/131.0.2903.70",
         Described(deviceType: "Windows", browserName: "Edge", browserVersion: "131.0.2903.70", isMobile: false)),
        ("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
         Described(deviceType: "Linux", browserName: "Firefox", browserVersion: "133.0", isMobile: false)),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
            + "Mobile Safari/537.36",
         Described(deviceType: "Android", browserName: "Chrome", browserVersion: "131.0.0.0", isMobile: true)),
        ("clerk-tui/0.5.0 (Linux)",
         Described(deviceType: "Linux", browserName: "clerk-tui", browserVersion: "0.5.0", isMobile: false)),
    ])
    func browsersAndOurOwnClient(agent: String, expected: Described) {
        #expect(ClientDevice(userAgent: agent).description == expected)
    }

    @Test func nativeHeadersWinOverTheAgent() {
        let mac = ClientDevice(userAgent: "Acme/1 CFNetwork/1494 Darwin/23.4.0", mobileHeader: false, deviceTypeHeader: "mac")
        #expect(mac.description == Described(deviceType: "Macintosh", browserName: "Acme", browserVersion: "1", isMobile: false))
        let android = ClientDevice(userAgent: "okhttp/4.12.0", mobileHeader: true, isAndroidSDK: true)
        #expect(android.description.deviceType == "Android" && android.description.isMobile)
    }

    @Test func nothingKnownIsLeftOut() {
        #expect(ClientDevice().description == Described(deviceType: nil, browserName: nil, browserVersion: nil, isMobile: false))
    }
}
