import FrontendAPI

/// What the organization flows take from the environment, the user and the runtime.
public struct OrganizationsConfig: Equatable, Sendable {
    public var applicationName = ""
    /// Every user must have an active organization: no personal account (`force_organization_selection`).
    public var forceSelection = false
    /// The user may create organizations (`create_organization_enabled`).
    public var createEnabled = true
    /// Organizations have no slug (`organization_settings.slug.disabled`).
    public var slugDisabled = false
    /// A logo may be read from a file: only when the terminal is local, never over SSH.
    public var localFiles = false

    public init() {}

    public init(environment: Environment, user: User?, localFiles: Bool) {
        let settings = environment.organizationSettings
        applicationName = environment.displayConfig.applicationName
        forceSelection = settings.forceOrganizationSelection == true
        createEnabled = user?.createOrganizationEnabled ?? environment.userSettings.actions.createOrganization
        slugDisabled = settings.slugDisabled
        self.localFiles = localFiles
    }
}
