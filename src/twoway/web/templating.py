"""Rendering pages: one Jinja2 environment with autoescaping always on, and the site's navigation."""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"

NAV: tuple[tuple[str, str, str], ...] = (
    ("overview", "/", "Overview"),
    ("week", "/week", "This week"),
    ("people", "/people", "People"),
    ("invitations", "/invitations", "Invitations"),
    ("prune", "/prune", "Prune review"),
    ("merges", "/merges", "Merges"),
    ("network", "/network", "Network"),
    ("intros", "/intros", "Introductions"),
    ("import", "/import", "Import"),
    ("settings", "/settings", "Settings"),
)

#: Messages shown after an action, chosen by a short code so a crafted link cannot put words on the page.
FLASH: dict[str, str] = {
    "saved": "Saved.",
    "setting_saved": "Setting saved.",
    "setting_reset": "Setting returned to its default.",
    "tagged": "Tags updated.",
    "noted": "Note added.",
    "note_edited": "Note changed; the old text stays in the notes' history.",
    "note_deleted": "Note deleted; its text stays in the notes' history.",
    "logged": "Logged.",
    "sent": "Marked as sent.",
    "replied": "Marked as replied.",
    "snoozed": "Snoozed.",
    "hidden": "Hidden: they stay connected but leave the plan.",
    "kept": "Kept.",
    "removed": "Recorded as removed. Remove the connection on LinkedIn yourself.",
    "decided": "Decision recorded.",
    "withdrawn": "Recorded as withdrawn.",
    "merged": "Merged: their e-mails, meetings and addresses now count for the connection.",
    "kept_apart": "Kept apart; they will not be suggested again.",
    "unmerged": "Merge undone: both people are back as they were.",
    "intro_asked": "Introduction asked: the member sees your request on their Introductions page.",
    "intro_accept": "Accepted: forward the note below to the person, then mark it forwarded.",
    "intro_decline": "Declined; the member who asked sees it.",
    "intro_forwarded": "Marked forwarded. Record their answer when it comes.",
    "intro_agreed": "Recorded: they agreed. Introduce them to each other.",
    "intro_refused": "Recorded: they did not want an introduction.",
    "intro_withdraw": "Request withdrawn.",
}


def _fmt_date(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return value.strftime("%-d %b %Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%-d %b %Y")
    if isinstance(value, int):
        return datetime.fromtimestamp(value, UTC).strftime("%-d %b %Y")
    text = str(value)
    try:
        return date.fromisoformat(text[:10]).strftime("%-d %b %Y") + text[10:16].replace("T", " ")
    except ValueError:
        return text


def _shift_week(value: Any, weeks: int) -> str:
    return (date.fromisoformat(str(value)[:10]) + timedelta(weeks=weeks)).isoformat()


def _fmt_number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return "" if value is None else str(value)


def _fmt_percent(value: Any) -> str:
    if value is None:
        return "–"
    return f"{float(value) * 100:.0f}%"


def _fmt_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(none)"
    if isinstance(value, dict):
        pairs = (f"{k}={v:g}" if isinstance(v, int | float) else f"{k}={v}" for k, v in value.items())
        return ", ".join(pairs) or "(none)"
    return "" if value is None else str(value)


def _trusted_svg(svg: str) -> Markup:
    """Charts come from twoway.charts, which escapes every label it writes; mark them safe once, here."""
    return Markup(svg)  # noqa: S704 - twoway.charts escapes its text


def _qs(query: dict[str, Any], **overrides: Any) -> str:
    """A query string from a listing's query, leaving out empty fields and defaults."""
    merged = {**query, **overrides}
    if merged.pop("descending", False):
        merged["desc"] = "true"
    defaults = {"page": 1, "per_page": 50, "sort": "name", "status": "connected"}
    pairs = {k: v for k, v in merged.items() if v not in (None, "", False) and defaults.get(k) != v}
    return urlencode(pairs)


_CODE = re.compile(r"`([^`]*)`")
_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


def _prose(value: Any) -> str:
    """Text written for the CLI or the API, as a page shows it: no markdown backticks, no snake_case names."""
    text = _CODE.sub(lambda m: m.group(1), str(value))
    return _SNAKE.sub(lambda m: m.group(0).replace("_", " "), text)


def _label(value: Any) -> str:
    """An identifier (a setting's name, a state) as words: ``answer_window_days`` → "Answer window days"."""
    return _prose(value).capitalize()


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        prev_week=lambda v: _shift_week(v, -1), next_week=lambda v: _shift_week(v, 1),
        day=_fmt_date, num=_fmt_number, pct=_fmt_percent, value=_fmt_value, svg=_trusted_svg,
        prose=_prose, label=_label,
    )
    env.globals.update(nav=NAV, urlencode=urlencode, qs=_qs)
    return env


def render(request: Request, template: str, *, active: str = "", status: int = 200, **context: Any) -> HTMLResponse:
    flash_code = request.query_params.get("done", "")
    body = environment().get_template(template).render(
        csrf=getattr(request.state, "csrf", ""),
        active=active,
        flash=FLASH.get(flash_code, ""),
        path=request.url.path,
        logged_in=getattr(request.state, "member", None),
        **context,
    )
    return HTMLResponse(body, status_code=status)


def render_error_page(status: int, code: str, message: str) -> str:
    return environment().get_template("error.html").render(
        csrf="", active="", flash="", path="", status=status, code=code, message=message,
    )
