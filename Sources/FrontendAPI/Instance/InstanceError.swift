/// A problem with how the instance was specified.
public enum InstanceError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidPublishableKey
    case invalidFrontendAPIURL(String)

    public var description: String {
        switch self {
        case .invalidPublishableKey:
            "The publishable key is not valid. It should start with pk_test_ or pk_live_."
        case .invalidFrontendAPIURL(let value):
            "The Frontend API URL \(value) is not valid. It should look like https://clerk.example.com."
        }
    }
}
