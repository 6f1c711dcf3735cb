extension Copy {
    /// OrganizationProfile (`organizationProfile` in Clerk's en-US).
    public enum OrganizationProfile {
        public static let title = "Organization"
        public static let description = "Manage your organization."
        public static let general = "General"
        public static let members = "Members"
        public static let manage = "Manage"
        public static let manageOrganization = "Manage organization"

        // General › Profile
        public static let profileSection = "Profile"
        public static let updateProfile = "Update profile"
        public static let logo = "Logo"
        public static let removeLogo = "Remove"
        public static let logoRemoved = "The logo has been removed."
        public static let profileUpdated = "The organization has been updated."
        public static let slugHint = "A slug is a human-readable ID that must be unique. It’s often used in URLs."
        public static let logoPathLabel = "Logo (path to an image file, optional)"

        // General › Verified domains
        public static let domainsSection = "Verified domains"
        public static let domainsSubtitle =
            "Allow users to join the organization automatically or request to join based on a verified email domain."
        public static let addDomain = "Add domain"
        public static let addDomainSubtitle =
            "Add the domain to verify. Users with email addresses at this domain can join the organization "
            + "automatically or request to join."
        public static let domainLabel = "Domain"
        public static let verify = "Verify"
        public static let delete = "Delete"
        public static let unverified = "Unverified"
        public static let verifyDomainTitle = "Verify domain"
        public static func verifyDomainSubtitle(_ domain: String) -> String {
            "The domain \(domain) needs to be verified via email."
        }
        public static let affiliationEmailLabel = "Verification email address"
        public static func codeSentTo(_ address: String) -> String {
            "A verification code was sent to \(address). Enter the code to continue."
        }
        public static let resendCode = "Didn't receive a code? Resend"
        public static func updateDomainTitle(_ domain: String) -> String { "Update \(domain)" }
        public static let enrollmentSubtitle = "Choose how users from this domain can join the organization."
        public static let enrollmentCallout = "Changing the enrollment mode will only affect new users."
        public static let deletePending = "Delete pending invitations and suggestions"
        public static let removeDomainTitle = "Remove domain"
        public static func domainWillBeRemoved(_ domain: String) -> String { "The email domain \(domain) will be removed." }
        public static let domainRemovalWarning = "Users won’t be able to join the organization automatically after this."
        public static func domainRemoved(_ domain: String) -> String { "\(domain) has been removed." }
        public static func enrollmentLabel(_ mode: String) -> String {
            switch mode {
            case "automatic_invitation": "Automatic invitations"
            case "automatic_suggestion": "Automatic suggestions"
            default: "No automatic enrollment"
            }
        }
        public static func enrollmentDescription(_ mode: String) -> String {
            switch mode {
            case "automatic_invitation":
                "Users are automatically invited to join the organization when they sign-up and can join anytime."
            case "automatic_suggestion":
                "Users receive a suggestion to request to join, but must be approved by an admin before they are able "
                    + "to join the organization."
            default: "Users can only be invited manually to the organization."
            }
        }

        // General › Danger
        public static let dangerSection = "Danger"
        public static let leaveTitle = "Leave organization"
        public static let leaveMessage1 =
            "Are you sure you want to leave this organization? You will lose access to this organization and its "
            + "applications."
        public static let deleteTitle = "Delete organization"
        public static let deleteMessage1 = "Are you sure you want to delete this organization?"
        public static let permanent = "This action is permanent and irreversible."
        public static func typeName(_ name: String) -> String { "Type \"\(name)\" below to continue." }

        // Members
        public static let invite = "Invite"
        public static let search = "Search"
        public static let you = "You"
        public static let noMembers = "No members to display"
        public static let removeMember = "Remove member"
        public static let roleLabel = "Role"
        public static let invitations = "Invitations"
        public static let requests = "Requests"
        public static let revokeInvitation = "Revoke invitation"
        public static let noInvitations = "No invitations to display"
        public static let approve = "Approve"
        public static let reject = "Reject"
        public static let noRequests = "No requests to display"
        public static let inviteTitle = "Invite new members"
        public static let inviteSubtitle = "Enter or paste one or more email addresses, separated by spaces or commas."
        public static let emailAddressesLabel = "Email addresses"
        public static let sendInvitations = "Send invitations"
        public static let invitationsSent = "Invitations successfully sent"
        public static func duplicateInvitations(_ addresses: String) -> String {
            "The invitations could not be sent. There are already pending invitations for the following email "
                + "addresses: \(addresses)."
        }
        public static let selectRole = "Select role"
    }
}
