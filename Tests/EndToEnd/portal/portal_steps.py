"""Steps shared by the portal's end-to-end tests: identities, signing in, the UserButton menu, set-up users."""

import time
import uuid

from portal_api import Api
from portal_harness import HOME, SIGN_IN

PASSWORD = "Tr0ub4dor-horse-41"
NEW_PASSWORD = "Brand-new-horse-73"
WRONG_CODE = "000000"
FACTOR_ONE_PASSWORD = r"Enter the password associated with your account"
CHECK_EMAIL = r"Check your email"
TWO_STEP = r"Two-step verification"


def email(tag: str, test_identity: bool = False) -> str:
    return f"{tag}-{uuid.uuid4().hex[:8]}{'+clerk_test' if test_identity else ''}@example.com"


def spaced(code: str) -> str:
    """A code as the code field draws its digits."""
    return r"\s+".join(code)


# Focus order of the sign-in card: identifier, password, Continue, Forgot password?, Sign up.
def open_sign_up(pane) -> None:
    pane.wait_for(SIGN_IN)
    pane.keys("Tab", "Tab", "Tab", "Tab", "Enter")
    pane.wait_for(r"Create your account")


def sign_in_with_password(pane, identifier: str, password: str) -> None:
    pane.wait_for(SIGN_IN)
    pane.type(identifier)
    pane.keys("Tab")
    pane.type(password)
    pane.keys("Enter")


def open_menu(pane) -> str:
    pane.wait_for(HOME)
    pane.keys("Enter")
    return pane.wait_for(r"Account actions")


def selected_line(screen: str) -> str:
    """The menu entry the selection marker `›` is on ("" when none is)."""
    return next((line.strip() for line in screen.splitlines() if line.strip().startswith("›")), "")


def choose(pane, label: str) -> None:
    """Moves the menu selection down to `label` and picks it.

    Each Down waits for the marker to move before looking again, so a frame drawn late on a slow
    machine can never make the selection overshoot `label`; a Down that moved nothing in 3 s (the
    focus was on a control without the marker, such as a link) is followed by another.
    """
    for _ in range(16):
        current = selected_line(pane.screen())
        if label in current:
            pane.keys("Enter")
            return
        pane.keys("Down")
        deadline = time.monotonic() + 3
        while selected_line(pane.screen()) == current and time.monotonic() < deadline:
            time.sleep(0.05)
    raise AssertionError(f"{label!r} never selected; screen was:\n{pane.screen()}")


def user_with_password(world, address: str, password: str = PASSWORD) -> Api:
    """A user created through the API on the embedded instance's data directory (a `serve` beside it)."""
    server = world.serve()
    api = Api(server.url)
    api.sign_up(address, password, lambda: world.wait_for_code(address, "sign_up"))
    server.stop()
    return api
