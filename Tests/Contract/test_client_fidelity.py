"""Values Clerk's own clients read back and act on: the client's `last_authentication_strategy` (clerk-js and
clerk-ios drive the "Last used" badge from it, so it is always a first-factor strategy), each session's
`latest_activity` as Clerk fills it from the device's headers (with city and country from a GeoIP database), and a
phone number reserved for the second factor, which never serves as a first factor."""
import tempfile
from pathlib import Path

from mmdb_writer import MMDBWriter
from netaddr import IPSet

from fapi import BrowserClient, NativeClient
from flows import (PASSWORD, TEST_CODE, enroll_totp, factor, me_params, next_totp, password_attempt, sign_up,
                   start_sign_in, unique_phone)
from settings import ALLOWED_ORIGIN, settings
from test_phone import sign_up_with_phone


def geoip_database() -> str:
    """A MaxMind-format City database that places loopback in Athens, Greece (the tests' only address)."""
    path = Path(tempfile.mkdtemp(prefix="geoip-")) / "city.mmdb"
    writer = MMDBWriter(ip_version=4, database_type="GeoLite2-City", languages=["en"])
    writer.insert_network(IPSet(["127.0.0.0/8"]), {
        "city": {"names": {"en": "Athens"}}, "country": {"iso_code": "GR", "names": {"en": "Greece"}},
    })
    writer.to_db_file(str(path))
    return str(path)


SETTINGS = settings(
    identifiers={"phone_number": {"enabled": True, "required": False, "used_for_sign_in": True}},
    first_factors={"phone_code": True},
    mfa={"phone_code": True, "totp": True},
    sessions={"geoip_database": geoip_database()},
)

CHROME_ON_MAC = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/131.0.0.0 Safari/537.36")
IOS_APP = {"User-Agent": "Acme/3.2 CFNetwork/1494.0.7 Darwin/23.4.0", "x-mobile": "1", "x-device-type": "iphone",
           "x-ios-sdk-version": "1.4.1"}
ANDROID_APP = {"User-Agent": "okhttp/4.12.0", "x-mobile": "1", "x-android-sdk-version": "0.1.30"}


class DeviceClient(NativeClient):
    """A native client that sends its device's headers on every request."""

    def __init__(self, base_url: str, headers: dict):
        super().__init__(base_url)
        self.device_headers = headers

    def _headers(self) -> dict:
        return {**super()._headers(), **self.device_headers}


class ChromeClient(BrowserClient):
    def _headers(self) -> dict:
        return {**super()._headers(), "User-Agent": CHROME_ON_MAC}


def strategy_after(reply) -> str:
    return reply.client["last_authentication_strategy"]


# last_authentication_strategy

def test_password_then_totp_is_remembered_as_password(native):
    client = native()
    user = sign_up(client)
    secret = enroll_totp(client, user["session_id"])["secret"]
    device = native()
    signin = password_attempt(device, user["email"], PASSWORD).expect(200).response
    assert signin["status"] == "needs_second_factor"
    done = device.post(f"/v1/client/sign_ins/{signin['id']}/attempt_second_factor",
                       {"strategy": "totp", "code": next_totp(secret)}).expect(200)
    assert done.response["status"] == "complete"
    assert strategy_after(done) == "password"


def test_email_code_and_password_reset_are_remembered_as_their_first_factor(native):
    user = sign_up(native())
    device = native()
    started = start_sign_in(device, user["email"]).response
    email = factor(started["supported_first_factors"], "email_code")
    device.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor",
                {"strategy": "email_code", "email_address_id": email["email_address_id"]}).expect(200)
    done = device.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                       {"strategy": "email_code", "code": TEST_CODE}).expect(200)
    assert strategy_after(done) == "email_code"

    device = native()
    started = start_sign_in(device, user["email"]).response
    reset = factor(started["supported_first_factors"], "reset_password_email_code")
    device.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor",
                {"strategy": "reset_password_email_code", "email_address_id": reset["email_address_id"]}).expect(200)
    device.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor",
                {"strategy": "reset_password_email_code", "code": TEST_CODE}).expect(200)
    done = device.post(f"/v1/client/sign_ins/{started['id']}/reset_password",
                       {"password": "a brand new passphrase"}).expect(200)
    assert done.response["status"] == "complete"
    assert strategy_after(done) == "reset_password_email_code"


# latest_activity

def active_sessions(client, session_id) -> list[dict]:
    return client.get("/v1/me/sessions/active", params=me_params(session_id)).expect(200).body


def activity_of(client, session_id) -> dict:
    session = next(s for s in active_sessions(client, session_id) if s["id"] == session_id)
    return session["latest_activity"]


def test_an_ios_app_is_an_iphone(server):
    client = DeviceClient(server.url, IOS_APP)
    user = sign_up(client)
    activity = activity_of(client, user["session_id"])
    assert activity["object"] == "session_activity"
    assert activity["id"] == "sess_activity_" + user["session_id"].removeprefix("sess_")
    assert activity["device_type"] == "iPhone" and activity["is_mobile"] is True
    assert (activity["browser_name"], activity["browser_version"]) == ("Acme", "3.2")
    assert activity["ip_address"] == "127.0.0.1"
    assert (activity["city"], activity["country"]) == ("Athens", "Greece")


def test_an_android_app_is_android(server):
    client = DeviceClient(server.url, ANDROID_APP)
    user = sign_up(client)
    activity = activity_of(client, user["session_id"])
    assert activity["device_type"] == "Android" and activity["is_mobile"] is True
    assert activity["browser_name"] == "okhttp"


def test_chrome_on_a_mac_is_a_desktop(server):
    browser = ChromeClient(server.url, ALLOWED_ORIGIN)
    user = sign_up(browser)
    activity = activity_of(browser, user["session_id"])
    assert activity["device_type"] == "Macintosh" and activity["is_mobile"] is False
    assert (activity["browser_name"], activity["browser_version"]) == ("Chrome", "131.0.0.0")


def test_each_device_lists_its_own_activity(server):
    phone = DeviceClient(server.url, IOS_APP)
    user = sign_up(phone)
    browser = ChromeClient(server.url, ALLOWED_ORIGIN)
    password_attempt(browser, user["email"], PASSWORD).expect(200)
    kinds = {s["latest_activity"]["device_type"] for s in active_sessions(phone, user["session_id"])}
    assert kinds == {"iPhone", "Macintosh"}


# Reserved phone numbers

def test_a_number_reserved_for_the_second_factor_is_no_first_factor(server, native):
    client = native()
    user = sign_up_with_phone(client, unique_phone())
    me = client.get("/v1/me", params=me_params(user["session_id"])).expect(200).response
    phone = me["phone_numbers"][0]
    client.patch(f"/v1/me/phone_numbers/{phone['id']}", {"reserved_for_second_factor": "true"},
                 params=me_params(user["session_id"])).expect(200)

    device = native()
    started = start_sign_in(device, user["email"]).response
    offered = [f for f in started["supported_first_factors"] if f.get("phone_number_id") == phone["id"]]
    assert offered == [], started["supported_first_factors"]
    assert phone["phone_number"] not in str(started)
    for strategy in ("phone_code", "reset_password_phone_code"):
        device.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor",
                    {"strategy": strategy, "phone_number_id": phone["id"]}).expect_error("form_param_format_invalid", 422)
    signin = password_attempt(native(), user["email"], PASSWORD).expect(200).response
    second = factor(signin["supported_second_factors"], "phone_code")
    assert second and second["safe_identifier"] != phone["phone_number"], signin
