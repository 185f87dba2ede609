"""messages.csv (and 2018's Messages.csv): conversations, their members and one interaction per message.

Rows of one conversation are contiguous, so conversations are assembled while streaming and
written in batches; a million rows never sit in memory. Each conversation gets a kind:
``sponsored`` (LinkedIn's campaign/InMail 'spinmail'), ``system`` (nobody identifiable but the
owner: 'LinkedIn Member', deleted accounts), ``group`` (two or more other people) or ``direct``.
Sponsored and system messages are kept apart: their interactions carry that kind and no person,
so they never count as a conversation with someone. Drafts are skipped. Each message's
fingerprint (conversation, time, sender, content) makes re-imports add only what is new, and a message
already stored from another era's file (``neutral_key``: minute, direction, person, words) is not added again.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from twoway.linkedin.cells import odd_url, scrub, url_left_out
from twoway.linkedin.content import SPONSORED_MARK, plain_text
from twoway.linkedin.context import ImportContext
from twoway.linkedin.csvfile import Table, blank
from twoway.linkedin.dates import FUTURE, latest_instant, parse_instant
from twoway.linkedin.registry import name_key, profile_url
from twoway.reading import KINDS, read_many

BATCH_MESSAGES = 5000
HIDDEN_MEMBER = "linkedin member"
_KIND_RANK = {"system": 0, "sponsored": 1, "direct": 2, "group": 3}
_INTERACTION_SQL = (
    "INSERT INTO interactions (owner_id, person_id, conversation_id, kind, channel, direction, at, subject, "
    "content, folder, origin, fingerprint, source_id, created_at, reading, language) "
    "VALUES (?, ?, ?, ?, 'linkedin', ?, ?, ?, ?, ?, 'import', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
)


@dataclass(slots=True)
class _Message:
    out: bool
    sender_url: str | None
    sender_name: str
    at: int
    subject: str
    content: str
    folder: str
    fingerprint: str
    sponsored: bool


@dataclass
class _Conversation:
    external_id: str
    title: str
    messages: list[_Message] = field(default_factory=list)
    # Other people in it: URL → display name, and names seen without any URL.
    urls: dict[str, str] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)

    def kind(self) -> str:
        if any(m.sponsored for m in self.messages):
            return "sponsored"
        people = len(self.urls) or (1 if self.names else 0)
        if people == 0:
            return "system"
        return "group" if people > 1 else "direct"


class _Columns:
    def __init__(self, t: Table) -> None:
        self.conv = t.col("conversationid")
        self.title = t.col("conversationtitle")
        self.sender = t.col("from")
        self.sender_url = t.col("senderprofileurl")
        self.to = t.col("to")
        self.recipients = t.col("recipientprofileurls")
        self.date = t.col("date")
        self.subject = t.col("subject")
        self.content = t.col("content")
        self.folder = t.col("folder")
        self.direction = t.col("direction")
        self.drafts = [i for i in (t.col("ismessagedraft"), t.col("isconversationdraft")) if i is not None]


class MessageImporter:
    def __init__(self, ctx: ImportContext, table: Table, tick: Callable[[], None] | None = None) -> None:
        self.ctx = ctx
        self.table = table
        self.tick = tick
        self.pending: list[_Conversation] = []
        self.pending_messages = 0
        self.newest = 0
        # (text, sponsored) -> (reading, language): for this import only, so each distinct text is read once.
        self.readings: dict[tuple[str | None, bool], tuple[str, str]] = {}
        # The owner's stored messages by their era-neutral key (see ``neutral_key``), loaded at the first batch.
        self.known: Counter[int] | None = None

    def run(self) -> int:
        """Import every row; return the newest message time seen (epoch seconds, 0 if none)."""
        c = _Columns(self.table)
        ctx, table = self.ctx, self.table
        # One spelling per profile (slugs ignore case), so URLs below compare with ==.
        spelling = ctx.people.spelling
        owner_urls = {u for u in map(spelling, {*ctx.owner_urls, *([ctx.owner_url] if ctx.owner_url else [])}) if u}
        owner_keys = ctx.owner_keys | {ctx.owner_key}
        # Absent columns point at an empty cell appended to each row: no branches on the hot path.
        pad = len(table.header)
        i_conv, i_title, i_sender, i_url, i_to, i_rcpt, i_date, i_subject, i_content, i_folder = (
            pad if i is None else i
            for i in (c.conv, c.title, c.sender, c.sender_url, c.to, c.recipients, c.date, c.subject,
                      c.content, c.folder)
        )
        drafts, i_direction = c.drafts, c.direction
        current: _Conversation | None = None
        urls: dict[str, str | None] = {"": None}
        recipients: dict[str, tuple[str, ...]] = {"": ()}
        odd: set[str] = set()  # raw URLs (or URL lists) with an unreadable profile URL
        blake2b = hashlib.blake2b
        newest = 0
        latest = latest_instant()
        for line, row in table.rows():
            scrub(table, line, row)
            row.append("")
            if drafts and any(row[i].strip().lower() == "yes" for i in drafts):
                table.skipped["draft"] += 1
                continue
            at = parse_instant(row[i_date])
            if at is None:
                table.problem(line, f"unreadable DATE {row[i_date][:40]!r}", "unreadable date")
                continue
            if at > latest:
                table.problem(line, f"DATE {row[i_date][:40]!r} is after today; skipped", FUTURE)
                continue
            sender = row[i_sender].strip()
            raw_url = row[i_url]
            sender_url = urls.get(raw_url, "")
            if sender_url == "":
                sender_url = urls[raw_url] = spelling(profile_url(raw_url))
                if sender_url is None and odd_url(raw_url):
                    odd.add(raw_url)
            if sender_url is None and raw_url in odd:
                url_left_out(table, line, raw_url)
            to = row[i_to].strip()
            if i_direction is not None:
                direction = row[i_direction].strip().upper()
                out = direction.startswith("OUT") or direction == "SENT"
            else:
                out = ctx.is_owner(sender_url, sender)
            ext = row[i_conv].strip()
            if not ext:
                ext = "legacy:" + name_key(to if out else sender)
            if current is None or current.external_id != ext:
                if current is not None:
                    self._add(current)
                current = _Conversation(ext, row[i_title].strip())
            members = current.urls
            if not out:
                if sender_url and sender_url not in owner_urls:
                    if not members.get(sender_url):
                        members[sender_url] = sender
                elif sender and not sender_url and sender.casefold() != HIDDEN_MEMBER:
                    current.names.add(sender)
            raw_rcpt = row[i_rcpt]
            found = recipients.get(raw_rcpt)
            if found is None:
                parts = [(part, spelling(profile_url(part))) for part in raw_rcpt.split(",")]
                found = recipients[raw_rcpt] = tuple(u for _, u in parts if u)
                if any(u is None and odd_url(part) for part, u in parts):
                    odd.add(raw_rcpt)
            if found:
                # A message to the owner alone names the owner in TO, whatever URL it gives them.
                to_owner = not out and len(found) == 1 and name_key(to) in owner_keys
                for url in found:
                    if url not in owner_urls and url != sender_url and url not in members and not to_owner:
                        # TO names several people at once when there are several URLs: no name then.
                        members[url] = to if out and len(found) == 1 else ""
            else:
                if raw_rcpt in odd:
                    url_left_out(table, line, raw_rcpt)
                if out and to and to.casefold() != HIDDEN_MEMBER:
                    current.names.add(to)
            raw = row[i_content]
            body = raw.replace("\r\n", "\n") if "\r" in raw else raw
            key = f"{ext}\x1f{at}\x1f{sender_url or sender}\x1f{body}"
            current.messages.append(_Message(
                out, sender_url, sender, at, row[i_subject], body, row[i_folder].strip(),
                blake2b(key.encode(), digest_size=16).hexdigest(), SPONSORED_MARK in raw,
            ))
            if at > newest:
                newest = at
        if current is not None:
            self._add(current)
        self._flush()
        self.newest = newest
        return newest

    def _add(self, conv: _Conversation) -> None:
        self.pending.append(conv)
        self.pending_messages += len(conv.messages)
        if self.pending_messages >= BATCH_MESSAGES:
            self._flush()

    def _flush(self) -> None:
        if not self.pending:
            return
        ctx, bulk = self.ctx, self.ctx.bulk
        convs, self.pending, self.pending_messages = self.pending, [], 0
        # The same conversation may come back later in the file: merge before writing.
        merged: dict[str, _Conversation] = {}
        for conv in convs:
            seen = merged.get(conv.external_id)
            if seen is None:
                merged[conv.external_id] = conv
            else:
                seen.messages.extend(conv.messages)
                for url, name in conv.urls.items():
                    seen.urls.setdefault(url, name)
                seen.names |= conv.names
        select = "SELECT id, external_id, kind FROM conversations WHERE owner_id = :o AND external_id IN ({in})"
        existing = {ext: (cid, kind) for cid, ext, kind in bulk.rows_in(select, merged, {"o": ctx.owner_id})}
        kinds = {ext: conv.kind() for ext, conv in merged.items()}
        missing = [ext for ext in merged if ext not in existing]
        if missing:
            bulk.many(
                "INSERT INTO conversations (owner_id, external_id, title, kind) VALUES (:o, :e, :t, :k) "
                "ON CONFLICT DO NOTHING",
                [{"o": ctx.owner_id, "e": e, "t": merged[e].title or None, "k": kinds[e]} for e in missing],
            )
            existing.update({ext: (cid, kind) for cid, ext, kind in bulk.rows_in(select, missing, {"o": ctx.owner_id})})
        upgrades = []
        for ext, (cid, kind) in existing.items():
            if _KIND_RANK.get(kinds[ext], 0) > _KIND_RANK.get(kind, 0):
                upgrades.append({"id": cid, "k": kinds[ext]})
            else:
                kinds[ext] = kind
        bulk.many("UPDATE conversations SET kind = :k WHERE id = :id", upgrades)
        members: list[dict[str, int]] = []
        rows: dict[str, list[tuple[object, ...]]] = {"message": [], "group": [], "sponsored": []}
        known = self._known()
        src, created = ctx.source_id, ctx.created_at
        for ext, conv in merged.items():
            cid, kind = existing[ext][0], kinds[ext]
            ids = self._participants(conv)
            members.extend({"c": cid, "p": pid} for pid in ids.values())
            only = next(iter(ids.values())) if len(ids) == 1 else None
            bucket = rows["group" if kind == "group" else "sponsored" if kind in ("sponsored", "system") else "message"]
            ikind = kind if kind in ("sponsored", "system") else "message"
            for m in conv.messages:
                if ikind != "message":
                    person = None
                elif kind == "group":
                    person = None if m.out else ids.get(m.sender_url or m.sender_name)
                else:
                    person = only
                content = plain_text(m.content)
                direction = "out" if m.out else "in"
                if known:
                    key = neutral_key(m.at, direction, person, content)
                    if known[key] > 0:
                        # Already stored from an export of another era (other ids, other precision).
                        known[key] -= 1
                        continue
                bucket.append((
                    ctx.owner_id, person, cid, ikind, direction, m.at, m.subject or None,
                    content, m.folder or None, m.fingerprint, src, created,
                ))
        bulk.many("INSERT INTO conversation_members (conversation_id, person_id) VALUES (:c, :p) "
                  "ON CONFLICT DO NOTHING", members)
        for bucket_rows in rows.values():
            self._with_reading(bucket_rows)
        s = ctx.summary
        s.messages_added += bulk.many_positional(_INTERACTION_SQL, rows["message"])
        group = bulk.many_positional(_INTERACTION_SQL, rows["group"])
        s.group_messages += group
        s.messages_added += group
        s.sponsored_messages += bulk.many_positional(_INTERACTION_SQL, rows["sponsored"])
        if self.tick is not None:
            self.tick()

    def _known(self) -> Counter[int]:
        """How many of the owner's stored messages have each era-neutral key (empty when there are none)."""
        if self.known is None:
            self.known = Counter(
                neutral_key(int(at), str(direction), person, str(content or ""))
                for at, direction, person, content in self.ctx.bulk.stream(
                    "SELECT at, direction, person_id, content FROM interactions WHERE owner_id = :o "
                    "AND origin = 'import' AND channel = 'linkedin'", {"o": self.ctx.owner_id}))
        return self.known

    def _with_reading(self, rows: list[tuple[object, ...]]) -> None:
        """Each message row with what it asks of its reader and its language, read once per distinct text in
        the whole import (an inbox repeats its thank-yous and its templates)."""
        if not rows:
            return
        keys = [(r[7] if isinstance(r[7], str) else None, r[3] != "message") for r in rows]
        known = self.readings
        new = list(dict.fromkeys(k for k in keys if k not in known))
        if new:
            kinds, languages = read_many([t for t, _ in new], [s for _, s in new])
            known.update(zip(new, zip((KINDS[k] for k in kinds.tolist()), languages, strict=True), strict=True))
        for i, key in enumerate(keys):
            rows[i] = (*rows[i], *known[key])

    def _participants(self, conv: _Conversation) -> dict[str, int]:
        """Person ids of the other people in a conversation, keyed by URL or by name."""
        people = self.ctx.people
        ids: dict[str, int] = {}
        for url, name in conv.urls.items():
            ids[url] = people.with_url(url, name)
        if not ids:
            # Before 2023 the export names recipients without URLs; match such names carefully.
            for name in conv.names:
                if not blank(name):
                    ids[name] = people.with_name(name)
        return ids


def neutral_key(at: int, direction: str, person: object, content: str) -> int:
    """What makes a message the same message in every export era: its minute (2018's Messages.csv has no
    seconds), its direction, the person it is with and its words with the spacing ignored (2018 writes line
    breaks as spaces); never the conversation id, which the 2018 file lacks."""
    words = " ".join(content.split())
    digest = hashlib.blake2b(f"{at // 60}\x1f{direction}\x1f{person}\x1f{words}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")
