import FrontendAPI

extension Presenter {
    /// A session's `latest_activity` (`/v1/me/sessions/active`): the device and address of its latest request, and
    /// their place when a GeoIP database knows it. The id is the session's own, under the `sess_activity_` prefix.
    func activity(of record: SessionRecord) -> SessionActivity {
        let place = record.activityIpAddress.flatMap { instance.geoIP?.place(of: $0) }
        return SessionActivity(
            id: "sess_activity_" + record.id.dropFirst("sess_".count), browserName: record.activityBrowserName,
            browserVersion: record.activityBrowserVersion, deviceType: record.activityDeviceType,
            ipAddress: record.activityIpAddress, city: place?.city, country: place?.country,
            isMobile: record.activityIsMobile ?? false)
    }
}
