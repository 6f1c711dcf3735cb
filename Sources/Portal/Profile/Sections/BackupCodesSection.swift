import FrontendAPI

/// Backup codes: regenerate them, and show new ones once, to copy or (on a local terminal) save to a file.
public struct BackupCodesSection: ProfileSectionFlow {
    public enum Step: Equatable, Sendable {
        /// "Regenerate backup codes" confirmation.
        case regenerate
        /// The codes, shown once.
        case codes(title: String, message: String)
    }

    public enum Action: Equatable, Sendable {
        /// Save the codes to the file named in the form.
        case save
    }

    enum Purpose: Equatable, Sendable {
        case regenerate
        case save(path: String)
    }

    /// Its rows are on the two-step verification section.
    public static let page = ProfileMachine.Page.security
    public internal(set) var step: Step?
    /// The codes on the `codes` card.
    public internal(set) var codes: [String] = []

    public init() {}

    /// The codes card, as another section shows it after enabling a second factor.
    static func showing(_ codes: [String], title: String, message: String) -> Self {
        var section = Self()
        section.codes = codes
        section.step = .codes(title: title, message: message)
        return section
    }

    static var fieldNames: Set<String> { [SectionField.backupCodesPath.rawValue] }

    mutating func opened(_ profile: inout Context) {
        guard case .codes? = step, profile.config.localFiles else { return }
        profile.form[.backupCodesPath] = "~/\(Self.fileName(profile.config.applicationName))_backup_codes.txt"
    }

    mutating func act(_ action: Action, _ profile: inout Context) {
        save(&profile)
    }

    /// Regenerates; on the codes card, Enter in the path field saves, and once saved there (or with no path) the
    /// card closes.
    mutating func submit(_ profile: inout Context) {
        switch step {
        case .regenerate?:
            profile.send(.createBackupCodes, .regenerate)
        case .codes?:
            let path = profile.form.trimmed(.backupCodesPath)
            if profile.config.localFiles, !path.isEmpty, profile.success != Copy.Profile.codesSaved(path) {
                return save(&profile)
            }
            profile.close()
        case nil:
            break
        }
    }

    private func save(_ profile: inout Context) {
        let path = profile.form.trimmed(.backupCodesPath)
        guard profile.config.localFiles, !path.isEmpty, !codes.isEmpty, !profile.isBusy else { return }
        profile.saveFile(SecretText(codes.joined(separator: "\n") + "\n"), to: path, .save(path: path))
    }

    mutating func succeeded(_ purpose: Purpose, _ result: BackendResult, _ profile: inout Context) {
        switch purpose {
        case .regenerate:
            guard case .backupCodes(let new) = result else { return }
            let title = Copy.Profile.backupCodesTitle
            profile.show(Self.showing(new.codes, title: title, message: Copy.Profile.backupCodesSubtitle))
            profile.reloadUser()
        case .save(let path):
            profile.success = Copy.Profile.codesSaved(path)
            profile.errors = .none
        }
    }

    mutating func failed(_ purpose: Purpose, _ failure: PortalFailure, _ profile: inout Context) {
        if case .save = purpose { profile.success = nil }
        profile.errors = FormErrors(failure.errors, fieldNames: Self.fieldNames)
    }

    /// Clerk names the download `<application>_backup_codes.txt`; kept to characters safe in a file name.
    static func fileName(_ application: String) -> String {
        let safe = application.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        return safe.isEmpty ? "clerk" : String(safe)
    }
}

extension SectionField {
    public static let backupCodesPath = SectionField(rawValue: "backup_codes_path")
}
