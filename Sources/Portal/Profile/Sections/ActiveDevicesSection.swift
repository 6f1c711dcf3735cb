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

    /// "Desktop · Firefox 120" from a session's latest activity.
    public static func deviceName(_ session: Session) -> String {
        let activity = session.latestActivity
        let kind = activity?.deviceType ?? (activity?.isMobile == true ? Copy.Profile.mobile : Copy.Profile.desktop)
        let browser = [activity?.browserName, activity?.browserVersion].compactMap { $0 }.joined(separator: " ")
        return browser.isEmpty ? kind : "\(kind) · \(browser)"
    }
}
