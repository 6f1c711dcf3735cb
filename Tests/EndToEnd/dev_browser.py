"""The person in the browser, for the local server's development OAuth provider (real HTTP, no mocks): shared by
the portal and ssh suites, whose conftests put this folder on sys.path."""

import re

import requests


def provider_link(screen: str) -> str:
    """The provider link as a card shows it: wrapped at the card's width, so its lines are joined back."""
    lines = [line.strip() for line in screen.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("http://") and "/dev_oauth/authorize" in line)
    link = lines[start]
    for line in lines[start + 1:]:
        if not line or " " in line:
            break
        link += line
    return link


def browse(link: str, address: str, decision: str = "allow", stop_at: str | None = None) -> requests.Response:
    """Opens the provider link, chooses the account (or cancels), and follows the redirects: to the end, or, for a
    redirect URL that no server answers, up to the redirect to `stop_at`."""
    page = requests.get(link, timeout=10)
    assert page.status_code == 200, page.text
    state = re.search(r'name="state" value="([^"]+)"', page.text).group(1)
    form = {"state": state, "email_address": address, "first_name": "Ada", "decision": decision}
    authorize = link.split("/v1/")[0] + "/v1/dev_oauth/authorize"
    if stop_at is None:
        return requests.post(authorize, data=form, timeout=10)
    response = requests.post(authorize, data=form, allow_redirects=False, timeout=10)
    while not response.headers.get("Location", "").startswith(stop_at):
        assert response.status_code in (302, 303), response.text
        response = requests.get(response.headers["Location"], allow_redirects=False, timeout=10)
    return response
