import FrontendAPI

/// "Profile": the user's name and profile image.
public struct ProfileDetailsSection: ProfileSectionFlow {
    public enum Step: Equatable, Sendable {
        /// "Update profile": the names and, on a local terminal, an image file to upload.
        case edit
        /// "Remove image" confirmation.
        case removeImage
    }

    enum Purpose: Equatable, Sendable {
        /// The names; then the image at `imagePath`, if one was given.
        case save(imagePath: String?)
        case upload
        case removeImage
    }

    public static let page = ProfileMachine.Page.account
    public internal(set) var step: Step?

    public init() {}

    static var fieldNames: Set<String> { Set([SectionField.firstName, .lastName, .imagePath].map(\.rawValue)) }

    mutating func opened(_ profile: inout Context) {
        guard step == .edit else { return }
        profile.form[.firstName] = profile.user?.firstName ?? ""
        profile.form[.lastName] = profile.user?.lastName ?? ""
    }

    mutating func submit(_ profile: inout Context) {
        switch step {
        case .edit?: save(&profile)
        case .removeImage?: profile.send(.deleteProfileImage, .removeImage)
        case nil: break
        }
    }

    /// Sends the names that changed, then the image; a path is read only on a local terminal.
    private func save(_ profile: inout Context) {
        let first = profile.form.trimmed(.firstName)
        let last = profile.form.trimmed(.lastName)
        let imagePath = profile.config.localFiles ? profile.form.trimmed(.imagePath) : ""
        let image = imagePath.isEmpty ? nil : imagePath
        let changes = UserUpdateParameters(
            firstName: first == (profile.user?.firstName ?? "") ? nil : first,
            lastName: last == (profile.user?.lastName ?? "") ? nil : last)
        if changes.firstName == nil, changes.lastName == nil {
            guard let image else { return profile.close() }
            return profile.send(.setProfileImage(path: image), .upload)
        }
        profile.send(.updateUser(changes), .save(imagePath: image))
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ profile: inout Context) {
        switch purpose {
        case .save(let imagePath?):
            profile.send(.setProfileImage(path: imagePath), .upload)
        case .save(nil):
            profile.close(notice: Copy.Profile.profileUpdated)
        case .upload:
            profile.close(notice: Copy.Profile.profileUpdated)
            profile.reloadUser()
        case .removeImage:
            profile.close(notice: Copy.Profile.imageRemoved)
            profile.reloadUser()
        }
    }
}

extension SectionField {
    public static let firstName = SectionField(rawValue: "first_name")
    public static let lastName = SectionField(rawValue: "last_name")
    /// The profile image's path; named `file` like the upload's form field, so its errors land here.
    public static let imagePath = SectionField(rawValue: "file")
}
