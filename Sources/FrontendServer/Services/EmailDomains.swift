/// Email domains of the big public providers: they cannot be an organization's verified domain (422
/// `organization_domain_common`), and they say nothing about which organization a user belongs to.
enum CommonEmailDomains {
    static let all: Set<String> = [
        "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net", "mail.com",
        "yandex.com", "yandex.ru", "zoho.com", "qq.com", "163.com", "web.de",
    ]

    static func contains(_ domain: String) -> Bool { all.contains(domain.lowercased()) }

    /// The part after `@` of an address, lowercased.
    static func domain(of email: String) -> String { String(email.lowercased().split(separator: "@").last ?? "") }
}

/// Well-known disposable (throwaway) mail providers. Clerk's verified-domains guide says a verified domain "cannot be a
/// disposable domain or common email provider": these answer 422 `organization_domain_blocked`, the public providers
/// `organization_domain_common`.
enum DisposableEmailDomains {
    static let all: Set<String> = [
        "mailinator.com", "guerrillamail.com", "guerrillamail.net", "sharklasers.com", "grr.la", "10minutemail.com",
        "temp-mail.org", "tempmail.com", "tempmail.net", "yopmail.com", "trashmail.com", "getnada.com", "dispostable.com",
        "maildrop.cc", "throwawaymail.com", "mailnesia.com", "fakeinbox.com", "mintemail.com", "emailondeck.com",
        "discard.email", "spamgourmet.com", "mytemp.email", "moakt.com", "burnermail.io", "mailcatch.com",
    ]

    static func contains(_ domain: String) -> Bool { all.contains(domain.lowercased()) }
}
