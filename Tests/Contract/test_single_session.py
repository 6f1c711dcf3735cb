"""Single-session mode: a second sign-in on a signed-in client is refused with `session_exists`."""
from flows import PASSWORD, sign_up
from settings import settings

SETTINGS = settings(sessions={"multi_session": False})


def test_environment_reports_single_session(native):
    env = native().get("/v1/environment").expect(200).body
    assert env["auth_config"]["single_session_mode"] is True


def test_second_sign_in_is_session_exists(native):
    client = native()
    sign_up(client)
    other = sign_up(native())
    reply = client.post("/v1/client/sign_ins", {"identifier": other["email"], "password": PASSWORD})
    reply.expect_error("session_exists")
    current = client.get("/v1/client").expect(200).response
    assert len([s for s in current["sessions"] if s["status"] == "active"]) == 1


def test_sign_in_after_sign_out_is_allowed(native):
    client = native()
    user = sign_up(client)
    client.delete("/v1/client/sessions").expect(200)
    reply = client.post("/v1/client/sign_ins", {"identifier": user["email"], "password": PASSWORD}).expect(200)
    assert reply.response["status"] == "complete"
