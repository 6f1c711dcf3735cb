"""The server's security event lines (`serve` logs one `notice` line per refused proof, lockout, throttled
request, foreign origin or unknown token), parsed from its log into dicts of their `key=value` fields."""
from __future__ import annotations

import re

FIELD = re.compile(r"(\w+)=(\S+)")


def security_events(server, **match) -> list[dict]:
    """Every security event line of `server`'s log whose fields include all of `match`."""
    events = []
    for line in server.log_text().splitlines():
        if not line.rstrip().endswith("security event"):
            continue
        fields = dict(FIELD.findall(line))
        if all(fields.get(key) == value for key, value in match.items()):
            events.append(fields)
    return events
