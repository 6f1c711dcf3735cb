"""Instance settings files (TOML, keys of Config/instance.sample.toml) used by the test modules."""
import tomllib

from server import REPO_ROOT, merge

ALLOWED_ORIGIN = "http://localhost:3000"
EVIL_ORIGIN = "https://evil.example"

# The defaults plus what a test run needs: cheap hashes, no per-IP limits (every test comes from 127.0.0.1),
# no resend cooldown. Modules that test the limits switch them back on.
BASE = {
    "application_name": "Contract Tests",
    "environment": "development",
    "allowed_origins": [ALLOWED_ORIGIN],
    "password": {"hash_cost": 10},
    "rate_limits": {"enabled": False},
    "verification": {"resend_cooldown_seconds": 0},
}


def settings(**overrides) -> dict:
    return merge(BASE, overrides)


def example(name: str, **overrides) -> dict:
    """A ready instance of Config/examples (e.g. `organizations.toml`) with the test run's needs (cheap hashes, no
    per-IP limits, no resend cooldown, the allowed origin) laid over it, then `overrides`."""
    with open(REPO_ROOT / "Config" / "examples" / name, "rb") as handle:
        document = tomllib.load(handle)
    run_needs = {key: value for key, value in BASE.items() if key != "application_name"}
    return merge(merge(document, run_needs), overrides)
