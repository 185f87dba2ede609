"""The one JSON encoder: the core's return values (dataclasses with ``to_dict``, dates, tuples) as JSON data,
for the CLI's ``--json`` and the API alike."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any


def jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return jsonable(to_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return str(value)


def json_object(value: Any) -> dict[str, Any]:
    """``jsonable`` for values that are objects (dataclasses, dicts): typed for the API's signatures."""
    out = jsonable(value)
    if not isinstance(out, dict):
        raise TypeError(f"expected an object, got {type(out).__name__}")
    return out


def json_list(value: Any) -> list[Any]:
    out = jsonable(value)
    if not isinstance(out, list):
        raise TypeError(f"expected a list, got {type(out).__name__}")
    return out


def dumps(value: Any, *, indent: int | None = 2) -> str:
    """``value`` as JSON text (non-ASCII kept as is)."""
    return json.dumps(jsonable(value), ensure_ascii=False, indent=indent)
