"""Config/examples/organizations.toml with verified domains off: membership requests, like domains, do not exist."""
from flows import sign_up
from orgs import admin_with_org
from settings import example

SETTINGS = example("organizations.toml", organizations={"domains": {"enabled": False}})


def test_membership_requests_need_domains(native):
    admin, _, org = admin_with_org(native)
    for reply in (admin.get(f"/v1/organizations/{org['id']}/membership_requests"),
                  admin.post(f"/v1/organizations/{org['id']}/membership_requests/orgreq_unknown00000000000000000/accept"),
                  admin.post(f"/v1/organizations/{org['id']}/membership_requests/orgreq_unknown00000000000000000/reject"),
                  admin.get(f"/v1/organizations/{org['id']}/domains")):
        reply.expect_error("organization_domains_not_enabled", 403)
    assert admin.get("/v1/environment").expect(200).body["organization_settings"]["domains"]["enabled"] is False
    outsider = native()
    sign_up(outsider)
