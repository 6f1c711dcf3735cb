"""Sign-up by invitation only (`sign_up_mode = "restricted"`): a public sign-up is refused, a ticket still signs up.
The instance starts open so that an admin can sign up and invite, then restarts restricted on the same data."""
from urllib.parse import parse_qs, urlsplit

from flows import PASSWORD, unique_email
from orgs import admin_with_org
from server import merge, to_toml
from settings import example

SETTINGS = example("organizations.toml")


def test_a_ticket_signs_up_where_sign_up_is_by_invitation_only(server, native):
    admin, _, org = admin_with_org(native)
    email = unique_email("invited")
    invitation = admin.post(f"/v1/organizations/{org['id']}/invitations", {"email_address": email, "role": "org:member"}) \
        .expect(200).response
    ticket = parse_qs(urlsplit(invitation["url"]).query)["__clerk_ticket"][0]
    server.config_path.write_text(to_toml(merge(SETTINGS, {"sign_up_mode": "restricted"})))
    server.restart()
    assert native().get("/v1/environment").expect(200).body["user_settings"]["sign_up"]["mode"] == "restricted"
    refused = native().post("/v1/client/sign_ups", {"email_address": unique_email(), "password": PASSWORD})
    assert 400 <= refused.status < 500 and refused.status != 422, refused.describe()
    client = native()
    done = client.post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket, "password": PASSWORD}).expect(200)
    assert done.response["status"] == "complete" and done.response["email_address"] == email
    assert client.get("/v1/me/organization_memberships").expect(200).response[0]["organization"]["id"] == org["id"]
