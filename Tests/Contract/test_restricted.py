"""Sign-up mode `restricted`: the environment says so and a public sign-up is refused with a Clerk error."""
from flows import PASSWORD, unique_email
from settings import settings

SETTINGS = settings(sign_up_mode="restricted")


def test_environment_reports_restricted(native):
    env = native().get("/v1/environment").expect(200).body
    assert env["user_settings"]["sign_up"]["mode"] == "restricted"


def test_public_sign_up_is_refused(native):
    reply = native().post("/v1/client/sign_ups", {"email_address": unique_email("restricted"), "password": PASSWORD})
    assert 400 <= reply.status < 500, f"restricted mode must refuse a public sign-up; {reply.describe()}"
