import FrontendAPI

/// `PUT|DELETE /v1/organizations/{id}/logo` (operations `updateOrganizationLogo`, `deleteOrganizationLogo`): the same
/// upload as a profile image (multipart field `file` or an octet-stream body; PNG, JPEG, GIF or WebP by content, at
/// most 10 MiB), served at the organization's `image_url`. Both need `org:sys_profile:manage`.
struct OrganizationLogos: Sendable {
    let exchange: Exchange
    var instance: FrontendInstance { exchange.instance }
    var images: ProfileImages { ProfileImages(exchange: exchange) }
    var access: OrganizationAccess { OrganizationAccess(instance: instance) }

    func upload(_ id: String) async throws -> Reply {
        try access.requireEnabled()
        let stored = try await images.storeUpload()
        do {
            return try await instance.database.write { db in
                let (_, user, client) = try await MeEndpoints(exchange: exchange).context(in: db)
                var (organization, membership) = try await access.member(of: id, userID: user.id, in: db)
                try access.require(OrganizationPermissionCatalog.profileManage, membership)
                let previous = organization.imageFile
                organization.imageFile = stored.name
                organization.updatedAt = instance.nowMS
                try await organization.save(in: db)
                if let previous { try await instance.images.remove(previous, in: db) }
                return try await exchange.envelope(try await exchange.presenter.organization(organization, in: db),
                                                   client: client, in: db)
            }
        } catch {
            await instance.images.discard(stored.name)
            throw error
        }
    }

    /// Answers the deleted image (`{object: "image", id}`); 404 `image_not_found` when there is no logo.
    func delete(_ id: String) async throws -> Reply {
        try await instance.database.write { db in
            let (_, user, client) = try await MeEndpoints(exchange: exchange).context(in: db)
            var (organization, membership) = try await access.member(of: id, userID: user.id, in: db)
            try access.require(OrganizationPermissionCatalog.profileManage, membership)
            guard let name = organization.imageFile else { throw APIFailure.imageNotFound }
            organization.imageFile = nil
            organization.updatedAt = instance.nowMS
            try await organization.save(in: db)
            try await instance.images.remove(name, in: db)
            return try await exchange.envelope(DeletedObject(object: "image", id: String(name.prefix { $0 != "." })),
                                               client: client, in: db)
        }
    }
}
