import FrontendAPI
import Portal
import TerminalUI

/// The "API keys" page of UserProfile and OrganizationProfile: "Add new key" and the keys, each opening "Revoke key"
/// for members who manage them; the new key's secret once, with a way to copy it.
extension APIKeysSection: PageSectionView where Host: SectionedScreen {
    typealias K = Copy.APIKeys

    func rows(_ host: Host) -> [Control] {
        guard Host.apiKeysOwner(host.subject) != nil else { return [] }
        let manages = Host.managesAPIKeys(host.subject)
        var controls: [Control] = manages ? [.option("+ " + K.add, detail: nil, action: Self.opening(.create))] : []
        if keys.isEmpty { controls.append(.row(K.empty, detail: nil)) }
        for key in keys {
            let status = Self.status(key)
            controls.append(
                manages ? .option(key.name, detail: status, action: Self.opening(.revoke(id: key.id))) : .row(key.name, detail: status))
        }
        return controls
    }

    func card(_ step: Step, _ host: Host) -> Card {
        switch step {
        case .create:
            return createCard(host)
        case .copySecret:
            var card = Card(title: K.copyTitle(created?.name ?? ""), subtitle: K.copyHint)
            let secret = created?.secret.value ?? ""
            card.lines = [secret]
            card.controls = [.copy(K.copySecret, text: secret), SectionControls.primary(K.done, host)]
            return card
        case .revoke(let id):
            var card = Card(title: K.revokeTitle(keys.first { $0.id == id }?.name ?? ""), subtitle: K.revokeHint)
            let confirmed = host.form[.revokeConfirmation].trimmingCharacters(in: .whitespaces) == K.revokeConfirmation
            card.controls = [
                SectionControls.text(.revokeConfirmation, K.revokeLabel, host),
                SectionControls.primary(K.revoke, host, enabled: confirmed),
            ]
            return card
        }
    }

    /// The secret is shown once: its card closes with Done, never with Cancel.
    func offersCancel(_ step: Step) -> Bool { step != .copySecret }

    /// "Add new API key": the name, then the expiry as a choice (Clerk's select), marked ✓.
    private func createCard(_ host: Host) -> Card {
        var card = Card(title: K.formTitle, subtitle: K.formHint)
        card.controls = [
            SectionControls.text(.apiKeyName, K.nameLabel, host, placeholder: K.namePlaceholder),
            .note(K.expirationLabel),
        ]
        card.controls += APIKeyExpiration.allCases.map { choice in
            .option(K.option(choice), detail: choice == expiration ? "✓" : nil, action: Self.doing(.chooseExpiration(choice)))
        }
        if expiration == .never { card.controls.append(.note(K.neverExpires)) }
        let named = !host.form[.apiKeyName].trimmingCharacters(in: .whitespaces).isEmpty
        card.controls.append(SectionControls.primary(K.create, host, enabled: named))
        return card
    }

    /// "Created Nov 26, 2026 • Never expires", or when it expires.
    static func status(_ key: APIKey) -> String {
        let created = SectionControls.date(key.createdAt)
        guard let expiration = key.expiration else { return K.neverExpiring(created: created) }
        return K.expiring(created: created, expires: DateText.long(expiration))
    }
}
