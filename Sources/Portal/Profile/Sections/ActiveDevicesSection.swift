import FrontendAPI

/// "Active devices": the user's signed-in sessions on every device; another device can be signed out.
public struct ActiveDevicesSection: ProfileSectionFlow {
    public enum Step: Equatable, Sendable {
        /// "Sign out of device" confirmation for session `id`.
        case signOut(id: String)
    }

    enum Purpose: Equatable, Sendable {
        case load
        case revoke(id: String)
    }

    public static let page = ProfileMachine.Page.security
    public internal(set) var step: Step?
    /// The sessions, loaded whenever the page is shown.
    public internal(set) var devices: [Session] = []

    public init() {}

    mutating func pageShown(_ profile: inout Context) {
        profile.load(.activeSessions, .load)
    }

    mutating func submit(_ profile: inout Context) {
        guard case .signOut(let id)? = step else { return }
        profile.send(.revokeSession(id: id), .revoke(id: id))
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ profile: inout Context) {
        switch purpose {
        case .load:
            if case .sessions(let sessions) = result { devices = sessions }
        case .revoke(let id):
            devices.removeAll { $0.id == id }
            profile.close(notice: Copy.Profile.deviceSignedOut)
            profile.reloadUser()
        }
    }

    /// The list outlives the card.
    mutating func closed(_ profile: inout Context) { step = nil }

    /// A session's device from its latest activity: "Chrome 131 on Macintosh", "clerk-tui 0.5 on Linux", or the
    /// device alone ("iPhone"), else Clerk's "Mobile device" or "Desktop device".
    public static func deviceName(_ session: Session) -> String {
        let activity = session.latestActivity
        let kind = activity?.deviceType ?? (activity?.isMobile == true ? Copy.Profile.mobileDevice : Copy.Profile.desktopDevice)
        guard let browser = activity?.browserName, !browser.isEmpty else { return kind }
        let version = activity?.browserVersion.map(shortVersion) ?? ""
        return Copy.Profile.browserOnDevice(version.isEmpty ? browser : "\(browser) \(version)", kind)
    }

    /// Where the session was last active, when the server knows: "Athens, Greece".
    public static func location(_ session: Session) -> String? {
        let place = [session.latestActivity?.city, session.latestActivity?.country].compactMap { $0 }.filter { !$0.isEmpty }
        return place.isEmpty ? nil : place.joined(separator: ", ")
    }

    /// A version without its trailing zeros, as people say it: "131.0.0.0" is 131, "0.5.0" is 0.5.
    static func shortVersion(_ version: String) -> String {
        var parts = version.split(separator: ".", omittingEmptySubsequences: false)
        while parts.count > 1, parts.last == "0" { parts.removeLast() }
        return parts.joined(separator: ".")
    }
}
