import FrontendAPI

/// General › "Profile": the organization's name, slug and logo, for members who manage its profile.
public struct OrganizationDetailsSection: OrganizationSectionFlow {
    public enum Step: Equatable, Sendable {
        /// "Update profile".
        case edit
        /// Removing the logo.
        case removeLogo
    }

    enum Purpose: Equatable, Sendable {
        /// The name and slug; then the logo at `logoPath`, if one was given.
        case update(logoPath: String?)
        case logo
        case removeLogo
    }

    public static let page = OrganizationProfileMachine.Page.general
    public internal(set) var step: Step?

    public init() {}

    static var fieldNames: Set<String> { Set([SectionField.organizationName, .organizationSlug, .logoPath].map(\.rawValue)) }

    mutating func opened(_ context: inout Context) {
        guard step == .edit else { return }
        context.form[.organizationName] = context.organization.name
        context.form[.organizationSlug] = context.organization.slug ?? ""
    }

    mutating func submit(_ context: inout Context) {
        guard context.can(OrganizationPermission.manageProfile) else { return }
        switch step {
        case .edit?: save(&context)
        case .removeLogo?: context.send(.removeLogo, .removeLogo)
        case nil: break
        }
    }

    /// Saves only what changed, and only with a valid slug (Clerk's form keeps Save disabled otherwise).
    private func save(_ context: inout Context) {
        let edit = Self.edit(context.form, context.organization, context.subject.config)
        guard edit.slugIsValid else { return }
        if !edit.changesProfile {
            guard let logo = edit.logoPath else { return context.close() }
            return context.send(.setLogo(path: logo), .logo)
        }
        context.send(.update(name: edit.name, slug: edit.slug), .update(logoPath: edit.logoPath))
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ context: inout Context) {
        switch purpose {
        case .update(let logoPath?):
            context.send(.setLogo(path: logoPath), .logo)
        case .update(nil), .logo:
            context.close(notice: Copy.OrganizationProfile.profileUpdated)
        case .removeLogo:
            context.close(notice: Copy.OrganizationProfile.logoRemoved)
            context.reloadSubject()
        }
    }

    /// What the form would save.
    struct Edit: Equatable {
        let name: String
        /// Nil where organizations have no slugs.
        let slug: String?
        let logoPath: String?
        let changesProfile: Bool
        let slugIsValid: Bool
    }

    static func edit(_ form: SectionForm, _ organization: Organization, _ config: OrganizationProfileConfig) -> Edit {
        let name = form.trimmed(.organizationName)
        let slug = config.slugDisabled ? nil : form.trimmed(.organizationSlug)
        let logo = config.localFiles ? form.trimmed(.logoPath) : ""
        let changed = name != organization.name || (slug != nil && slug != (organization.slug ?? ""))
        return Edit(
            name: name, slug: slug, logoPath: logo.isEmpty ? nil : logo, changesProfile: changed,
            slugIsValid: slug.map(CreateOrganizationForm.isValidSlug) ?? true)
    }
}

extension OrganizationProfileMachine {
    /// "Save" is offered once something changed and the slug is valid.
    public var canSaveProfile: Bool {
        let edit = OrganizationDetailsSection.edit(form, organization, config)
        return edit.slugIsValid && (edit.changesProfile || edit.logoPath != nil) && !isBusy
    }
}

extension SectionField {
    public static let organizationName = SectionField(rawValue: "name")
    public static let organizationSlug = SectionField(rawValue: "slug")
    /// The logo's path; named like the upload's form field.
    public static let logoPath = SectionField(rawValue: "file")
}
