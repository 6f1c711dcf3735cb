"""The FAPI OpenAPI contract: find the operation for a request and validate a response against it.

Every response the suite receives goes through `SPEC.validate(...)`; a body that does not match the schema of
its operation and status fails the test that made the request.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from nullable import widen_nullable

SPEC_PATH = Path(__file__).with_name("fapi-openapi.yml")
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


class ContractViolation(AssertionError):
    """A response that the OpenAPI document does not allow."""


@dataclass(frozen=True)
class Operation:
    method: str
    template: str
    operation_id: str
    pattern: re.Pattern
    definition: dict

    def response_definition(self, status: int) -> dict | None:
        responses = self.definition.get("responses", {})
        return responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or responses.get("default")


class Spec:
    def __init__(self, path: Path = SPEC_PATH):
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        with open(path, encoding="utf-8") as handle:
            self.document = yaml.load(handle, Loader=loader)
        widen_nullable(self.document["components"])
        widen_nullable(self.document["paths"])
        self.components = self.document["components"]
        self.operations: list[Operation] = []
        for template, item in self.document["paths"].items():
            for method in METHODS:
                if method in item:
                    self.operations.append(Operation(
                        method=method.upper(),
                        template=template,
                        operation_id=item[method].get("operationId", f"{method} {template}"),
                        pattern=self._compile(template),
                        definition=item[method],
                    ))
        # Literal segments beat parameters: `/v1/me/sessions/active` before `/v1/me/sessions/{id}`.
        self.operations.sort(key=lambda op: op.template.count("{"))
        self._validators: dict[str, OAS30Validator] = {}

    @staticmethod
    def _compile(template: str) -> re.Pattern:
        parts = re.split(r"(\{[^}]+\})", template)
        regex = "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts)
        return re.compile(f"^{regex}$")

    def operation(self, method: str, path: str) -> Operation | None:
        method = method.upper()
        for op in self.operations:
            if op.method == method and op.pattern.match(path):
                return op
        return None

    def by_id(self, operation_id: str) -> Operation:
        for op in self.operations:
            if op.operation_id == operation_id:
                return op
        raise KeyError(operation_id)

    def resolve(self, node: dict) -> dict:
        """Follows `$ref`s of component objects (responses, schemas) until a concrete object."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            pointer = node["$ref"]
            assert pointer.startswith("#/"), pointer
            node = self.document
            for key in pointer[2:].split("/"):
                node = node[key.replace("~1", "/").replace("~0", "~")]
            seen += 1
            assert seen < 32, f"$ref loop at {pointer}"
        return node

    def response_schema(self, op: Operation, status: int) -> dict | None:
        """The JSON schema of the body of `op` answered with `status`; errors fall back to ClerkErrors."""
        definition = op.response_definition(status)
        if definition is None:
            if status >= 400:
                # Statuses the spec omits for an operation (429 on most) still carry Clerk's error body.
                return {"$ref": "#/components/schemas/ClerkErrors"}
            return None
        definition = self.resolve(definition)
        content = definition.get("content") or {}
        media = content.get("application/json") or next(iter(content.values()), None)
        if media is None:
            return {}
        return media.get("schema", {})

    def validator(self, schema: dict) -> OAS30Validator:
        key = json.dumps(schema, sort_keys=True)
        if key not in self._validators:
            root = {"allOf": [schema], "components": self.components}
            self._validators[key] = OAS30Validator(root, format_checker=oas30_format_checker)
        return self._validators[key]

    def validate(self, method: str, path: str, status: int, body) -> Operation:
        """Raises ContractViolation unless the spec defines `method path` and `body` fits its `status` schema."""
        op = self.operation(method, path)
        if op is None:
            raise ContractViolation(f"{method} {path}: no such operation in fapi-openapi.yml")
        if 200 <= status < 300 and op.response_definition(status) is None:
            raise ContractViolation(f"{op.operation_id}: status {status} is not declared in the spec")
        schema = self.response_schema(op, status)
        if schema is None or schema == {}:
            return op
        errors = sorted(self.validator(schema).iter_errors(body), key=lambda e: list(e.absolute_path))
        if errors:
            lines = [f"{op.operation_id} {status}: response body violates the schema ({len(errors)} errors)"]
            for error in errors[:8]:
                where = "/".join(str(p) for p in error.absolute_path) or "<root>"
                lines.append(f"  at {where}: {self._brief(error)}")
            raise ContractViolation("\n".join(lines))
        return op

    @staticmethod
    def _brief(error) -> str:
        """The innermost reason of a failure, skipping the "or null" branches of widened nullable schemas."""
        best = error
        while best.context:
            relevant = [e for e in best.context if not (isinstance(e.schema, dict) and e.schema.get("x-null-branch"))]
            if not relevant:
                break
            best = max(relevant, key=lambda e: len(list(e.absolute_path)))
        where = "/".join(str(p) for p in best.absolute_path)
        text = f"{best.message} (at {where})" if best is not error else best.message
        return text if len(text) < 400 else text[:400] + "…"


SPEC = Spec()
