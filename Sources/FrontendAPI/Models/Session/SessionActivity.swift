/// Where and on what a session was last used (`latest_activity` of an active session).
public struct SessionActivity: Codable, Sendable, Equatable {
    public var id: String
    public var browserName: String?
    public var browserVersion: String?
    public var deviceType: String?
    public var ipAddress: String?
    public var city: String?
    public var country: String?
    public var isMobile: Bool

    public init(
        id: String, browserName: String? = nil, browserVersion: String? = nil, deviceType: String? = nil,
        ipAddress: String? = nil, city: String? = nil, country: String? = nil, isMobile: Bool = false
    ) {
        self.id = id
        self.browserName = browserName
        self.browserVersion = browserVersion
        self.deviceType = deviceType
        self.ipAddress = ipAddress
        self.city = city
        self.country = country
        self.isMobile = isMobile
    }

    enum CodingKeys: String, CodingKey {
        case object, id, city, country
        case browserName = "browser_name"
        case browserVersion = "browser_version"
        case deviceType = "device_type"
        case ipAddress = "ip_address"
        case isMobile = "is_mobile"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        browserName = try container.decodeIfPresent(String.self, forKey: .browserName)
        browserVersion = try container.decodeIfPresent(String.self, forKey: .browserVersion)
        deviceType = try container.decodeIfPresent(String.self, forKey: .deviceType)
        ipAddress = try container.decodeIfPresent(String.self, forKey: .ipAddress)
        city = try container.decodeIfPresent(String.self, forKey: .city)
        country = try container.decodeIfPresent(String.self, forKey: .country)
        isMobile = try container.decode(.isMobile, default: false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("session_activity", forKey: .object)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(browserName, forKey: .browserName)
        try container.encodeIfPresent(browserVersion, forKey: .browserVersion)
        try container.encodeIfPresent(deviceType, forKey: .deviceType)
        try container.encodeIfPresent(ipAddress, forKey: .ipAddress)
        try container.encodeIfPresent(city, forKey: .city)
        try container.encodeIfPresent(country, forKey: .country)
        try container.encode(isMobile, forKey: .isMobile)
    }
}
