"""Organizations off (the default): the environment says so and every organization route answers 403
`organization_not_enabled_in_instance`."""
import pytest

from flows import sign_up


def test_environment_has_organizations_off(native):
    env = native().get("/v1/environment").expect(200).body
    assert env["organization_settings"]["enabled"] is False
    assert env["user_settings"]["actions"]["create_organization"] is False


@pytest.mark.parametrize("method,path", [
    ("POST", "/v1/organizations"), ("GET", "/v1/organizations/org_x"), ("GET", "/v1/me/organization_memberships"),
    ("GET", "/v1/me/organization_invitations"), ("GET", "/v1/me/organization_suggestions"),
    ("GET", "/v1/me/organization_creation_defaults"),
])
def test_organization_routes_are_refused(native, method, path):
    client = native()
    sign_up(client)
    client.request(method, path, data={"name": "Acme"} if method == "POST" else None).expect_error(
        "organization_not_enabled_in_instance", 403)


def test_touch_to_an_organization_is_refused_and_personal_is_fine(native):
    client = native()
    user = sign_up(client)
    me = client.get("/v1/me").expect(200).response
    assert me["create_organization_enabled"] is False and "organization_memberships" not in me
    client.post(f"/v1/client/sessions/{user['session_id']}/touch",
                {"active_organization_id": "org_x"}).expect_error("organization_not_enabled_in_instance", 403)
    client.post(f"/v1/client/sessions/{user['session_id']}/touch", {"active_organization_id": ""}).expect(200)
