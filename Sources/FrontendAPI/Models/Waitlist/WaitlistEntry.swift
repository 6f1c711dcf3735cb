/// A place on an instance's waitlist (`object: "waitlist_entry"`, spec `Client.WaitlistEntry`).
public struct WaitlistEntry: Codable, Sendable, Equatable, Identifiable {
    public var id: String

    public init(id: String) {
        self.id = id
    }
}
