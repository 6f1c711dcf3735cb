"""What both schemathesis passes' hooks share (each hooks file imports it; importing registers the hook).

- `nullable: true` reads as "null, or the schema" (see nullable.py), as the contract tests read it.
- `ast.parse` is serialised. CPython 3.11 keeps the parser's recursion depth in state shared by every thread, so two
  threads parsing at once can fail with "SystemError: AST constructor recursion depth mismatch". Schemathesis's
  workers are threads, and hypothesis parses lambda sources to describe its strategies, so with two workers that
  error ends a run now and then with a Runtime Error that says nothing about the server."""
import ast
import threading

import schemathesis

from nullable import widen_nullable

_parse_lock = threading.Lock()
_parse = ast.parse


def _serialised_parse(*args, **kwargs):
    with _parse_lock:
        return _parse(*args, **kwargs)


ast.parse = _serialised_parse


@schemathesis.hook
def before_load_schema(context, raw_schema):
    """Reads `nullable: true` as "null or the schema", as the contract tests do."""
    widen_nullable(raw_schema.get("components", {}))
    widen_nullable(raw_schema.get("paths", {}))
