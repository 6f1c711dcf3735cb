/// The id prefixes FAPI objects carry (`<prefix><random>`), in one place so server and client agree.
///
/// Clients only rely on `org_` functionally (clerk-js tells organization ids from slugs with
/// `startsWith("org_")`); the rest make ids look like Clerk's own, as in clerk-js's test fixtures
/// (`packages/clerk-js/src/test/fixture-helpers.ts`).
public enum IDPrefix {
    public static let client = "client_"
    public static let session = "sess_"
    public static let user = "user_"
    public static let signIn = "sia_"
    public static let signUp = "sua_"
    /// Email addresses, phone numbers and web3 wallets ("identifications").
    public static let identification = "idn_"
    public static let externalAccount = "eac_"
    public static let passkey = "pk_"
    public static let totp = "totp_"
    public static let backupCode = "bc_"
    public static let sessionActivity = "sess_activity_"
    public static let organization = "org_"
    public static let organizationMembership = "orgmem_"
    public static let organizationInvitation = "orginv_"
    public static let organizationSuggestion = "orgsugg_"
    public static let organizationDomain = "orgdmn_"
    public static let organizationMembershipRequest = "orgreq_"
    public static let role = "role_"
    public static let permission = "perm_"
    /// The instance; also the JWT `kid`.
    public static let instance = "ins_"
    public static let authConfig = "aac_"
    public static let displayConfig = "display_config_"
    public static let image = "img_"
    public static let waitlistEntry = "wle_"
}
