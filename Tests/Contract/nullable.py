"""How this suite reads `nullable: true` in fapi-openapi.yml.

OpenAPI 3.0.3 lets `nullable` add null only to a `type` in the same schema, so `{nullable: true, allOf: [$ref]}`
or `{nullable: true, enum: [...]}` would still refuse null. The FAPI spec uses exactly those forms for values that
real Clerk sends as null every day (`client.sign_in`, `sign_up.verifications.phone_number`,
`display_config.captcha_provider`, …), so the spec means "this value may be null". Both the validator (spec.py)
and schemathesis (schemathesis_hooks.py) read it that way: a nullable schema becomes "null, or the schema".
"""
from __future__ import annotations


# Accepts null only; the marker lets error reports skip this branch when the value is not null.
NULL_BRANCH = {"type": "string", "nullable": True, "enum": [None], "x-null-branch": True}


def widen_nullable(node):
    """Rewrites, in place and recursively, every `nullable: true` schema S into `anyOf: [null, S]`."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            node[index] = widen_nullable(item)
        return node
    if not isinstance(node, dict):
        return node
    for key, value in list(node.items()):
        if key in ("example", "examples", "default", "enum"):
            continue
        node[key] = widen_nullable(value)
    if node.get("nullable") is True and _constrains_null_away(node):
        inner = {k: v for k, v in node.items() if k != "nullable"}
        node.clear()
        node["anyOf"] = [dict(NULL_BRANCH), inner]
    return node


def _constrains_null_away(schema: dict) -> bool:
    return any(key in schema for key in ("allOf", "oneOf", "anyOf", "$ref", "enum"))
