/// Clerk's system permissions of organization members, which gate OrganizationProfile's controls.
public enum OrganizationPermission {
    public static let manageProfile = "org:sys_profile:manage"
    public static let deleteOrganization = "org:sys_profile:delete"
    public static let readMembers = "org:sys_memberships:read"
    public static let manageMembers = "org:sys_memberships:manage"
    public static let readDomains = "org:sys_domains:read"
    public static let manageDomains = "org:sys_domains:manage"
    public static let readAPIKeys = "org:sys_api_keys:read"
    public static let manageAPIKeys = "org:sys_api_keys:manage"
}
