"""`twoway` on the command line."""

from __future__ import annotations

import importlib

from twoway.cli.base import cli

# One module per concept; each registers its commands on `cli` when imported.
_COMMAND_MODULES = (
    "core",
    "demo",
    "invites",
    "messages",
    "imports",
    "graph",
    "intros",
    "people",
    "serve",
    "plan",
    "prune",
    "health",
    "relations",
    "backup",
    "merge",
    "team",
    "export",
)

for _name in _COMMAND_MODULES:
    importlib.import_module(f"twoway.cli.{_name}")


def main() -> None:
    cli(prog_name="twoway")


__all__ = ["cli", "main"]
