extension Copy {
    /// OrganizationSwitcher, OrganizationList, CreateOrganization and the choose-organization task
    /// (`organizationSwitcher`, `organizationList`, `createOrganization`, `taskChooseOrganization` in Clerk's en-US).
    public enum Organizations {
        public static let personalAccount = "Personal account"
        /// Beside the account in use.
        public static let active = "Active"
        public static let join = "Join"
        public static let requestToJoin = "Request to join"
        public static let pendingApproval = "Pending approval"
        public static let createOrganization = "Create organization"
        public static let listTitle = "Choose an account"
        public static let listTitleWithoutPersonal = "Choose an organization"
        public static func listSubtitle(app: String) -> String { "to continue to \(app)" }
        public static let loadMore = "Load more"

        // CreateOrganization
        public static let createTitle = "Create organization"
        public static let nameLabel = "Name"
        public static let namePlaceholder = "Organization name"
        public static let slugLabel = "Slug"
        public static let slugPlaceholder = "my-org"
        public static let logoLabel = "Logo (optional)"
        public static let logoHint = "Path to a JPG, PNG, GIF or WEBP image"

        // The choose-organization task
        public static let taskTitle = "Choose an organization"
        public static let taskSubtitle = "Join an existing organization or create a new one"
        public static let taskSubtitleCreateDisabled = "Join an existing organization"
        public static let taskCreate = "Create new organization"
        public static let taskCreateTitle = "Setup your organization"
        public static let taskCreateSubtitle = "Enter your organization details to continue"
        public static let taskNamePlaceholder = "My Organization"
        public static let taskSlugPlaceholder = "my-organization"
        public static let taskCreateDisabledTitle = "You must belong to an organization"
        public static let taskCreateDisabledSubtitle = "Contact your organization admin for an invitation."

        // Errors (`unstable__errors`)
        public static let noLongerMember = "You are no longer a member of this organization. Please choose or create another one."
        public static let noLongerMemberCreateDisabled =
            "You are no longer a member of this organization. Please choose another one."
        public static let membershipQuotaExceeded =
            "You have reached your limit of organization memberships, including outstanding invitations."
    }
}
