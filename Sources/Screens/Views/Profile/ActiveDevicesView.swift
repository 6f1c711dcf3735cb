import Portal
import TerminalUI

extension ActiveDevicesSection: ProfileSectionView {
    /// Every device; the one in use is not offered for signing out.
    func rows(_ profile: ProfileMachine) -> [Control] {
        var controls: [Control] = [.section(Copy.Profile.devicesSection)]
        for device in devices {
            let detail = [Self.location(device), device.latestActivity?.ipAddress, SectionControls.date(device.lastActiveAt)]
                .compactMap { $0 }.joined(separator: " · ")
            if device.id == profile.sessionID {
                controls.append(.row(Self.deviceName(device), detail: "\(Copy.Profile.thisDevice) · \(detail)"))
            } else {
                controls.append(.option(Self.deviceName(device), detail: detail, action: Self.opening(.signOut(id: device.id))))
            }
        }
        return controls
    }

    func card(_ step: Step, _ profile: ProfileMachine) -> Card {
        let id = switch step { case .signOut(let id): id }
        let label = devices.first { $0.id == id }.map(Self.deviceName) ?? ""
        return SectionControls.confirmation(
            Copy.Profile.signOutOfDevice, subtitle: label, lines: [Copy.Profile.signOutOfDeviceMessage],
            button: Copy.Profile.signOutOfDevice, profile)
    }
}
