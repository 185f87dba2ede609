"""Known placeholders per template family: every shipped template uses only what its family fills."""

from __future__ import annotations

import json
from dataclasses import fields
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from twoway.cli import cli
from twoway.plan import drafts
from twoway.plan.drafts import (
    INTRODUCTION_PLACEHOLDERS,
    INVITATION_PLACEHOLDERS,
    PLACEHOLDERS,
    DraftContext,
    placeholders_for,
    unknown_placeholders,
)

SHIPPED = sorted(p.name[:-4] for p in (resources.files("twoway") / "templates" / "drafts").iterdir()
                 if p.name.endswith(".txt"))


def test_every_template_kind_belongs_to_a_family() -> None:
    assert {k for k in SHIPPED if k.startswith("invite_")}
    assert {k for k in SHIPPED if k.startswith("intro_")}
    assert set(drafts.KINDS) <= set(SHIPPED)
    for kind in SHIPPED:
        family = placeholders_for(kind)
        if kind.startswith("invite_"):
            assert family is INVITATION_PLACEHOLDERS
        elif kind.startswith("intro_"):
            assert family is INTRODUCTION_PLACEHOLDERS
        else:
            assert kind in drafts.KINDS
            assert family is PLACEHOLDERS


@pytest.mark.parametrize("kind", SHIPPED)
def test_every_shipped_template_uses_only_its_familys_placeholders(kind: str) -> None:
    text = drafts.template_text(kind)
    assert unknown_placeholders(text, kind) == []
    assert unknown_placeholders(text) == []


@pytest.mark.parametrize("family", ["invite_", "intro_"])
def test_every_placeholder_of_a_family_is_used_by_one_of_its_templates(family: str) -> None:
    used: set[str] = set()
    for kind in SHIPPED:
        if kind.startswith(family):
            text = "\n".join(line for line in drafts.template_text(kind).splitlines() if not line.startswith("##"))
            used |= set(drafts._FIELD.findall(text.replace("{{", "").replace("}}", "")))
    assert used == set(placeholders_for(family))


def test_message_placeholders_are_what_a_draft_context_fills() -> None:
    assert set(PLACEHOLDERS) == {f.name for f in fields(DraftContext)}


def test_a_placeholder_of_another_family_is_unknown_for_this_kind() -> None:
    assert unknown_placeholders("Hi {first_name}, about {about}", "check_in") == ["about"]
    assert unknown_placeholders("Hi {first_name}{focus_clause}", "invite_blank") == []
    assert unknown_placeholders("Hi {first_name}{focus_clause}", "intro_request") == ["first_name", "focus_clause"]
    assert unknown_placeholders("{frist_name} {{literal}}") == ["frist_name"]


def test_drafts_command_reports_no_unknown_placeholders_for_the_defaults(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "d.db"), "drafts", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["templates"]
    assert {r["kind"] for r in rows} == set(SHIPPED)
    assert {r["kind"]: r["unknown_placeholders"] for r in rows} == {k: "" for k in SHIPPED}
