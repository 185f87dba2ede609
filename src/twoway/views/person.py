"""The person page: everything known about one person, from every source, with a single merged timeline."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from twoway import people, states, strength
from twoway.clock import ts_to_date, ts_to_iso
from twoway.people import owners
from twoway.people.notes import notes_for
from twoway.people.resolve import PersonRef
from twoway.people.tags import tags_by_person


def _rows(conn: Connection, sql: str, **params: Any) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(text(sql), params)]


def person_detail(conn: Connection, owner_id: int, person_id: int, *, today: date | None = None) -> dict[str, Any]:
    """What the owner may see of one person, for `twoway person` and the Person page.

    Their own side only: their messages, notes, tags, addresses and the job history their exports recorded.
    Of a person only other members know, just the name and public headline, and who knows them how well
    (``known_by``: members with a band, never a score): what asking for an introduction needs.
    """
    ref = people.get(conn, person_id)
    known_by = members_who_know(conn, person_id, besides=owner_id, today=today)
    if not owners.is_related(conn, owner_id, person_id):
        return _unrelated(ref, known_by)
    p = {"o": owner_id, "p": person_id}
    emails = own_emails(conn, owner_id, person_id)
    connection = conn.execute(
        text(
            "SELECT c.connected_on, c.status, c.removed_on, c.last_seen_on, f.name AS source_file, f.import_id"
            " FROM connections c LEFT JOIN import_files f ON f.id = c.source_id"
            " WHERE c.owner_id = :o AND c.person_id = :p"
        ),
        p,
    ).first()
    jobs = _rows(
        conn,
        "SELECT company, position, first_seen, last_seen FROM jobs WHERE owner_id = :o AND person_id = :p"
        " ORDER BY first_seen, last_seen",
        **p,
    )
    interactions = []
    for r in conn.execute(
        text(
            "SELECT i.id, i.at, i.direction, i.kind, i.channel, i.subject, i.content, i.origin,"
            " i.reading, i.language, v.title, v.kind AS conversation_kind"
            " FROM interactions i LEFT JOIN conversations v ON v.id = i.conversation_id"
            " WHERE i.owner_id = :o AND i.person_id = :p ORDER BY i.at DESC, i.id DESC"
        ),
        p,
    ):
        interactions.append(
            {
                "id": r.id,
                "at": ts_to_iso(r.at),
                "date": ts_to_date(r.at).isoformat(),
                "direction": r.direction,
                "kind": r.kind,
                "channel": r.channel,
                "subject": r.subject,
                "content": r.content,
                "reading": r.reading,  # question, news, courtesy, pitch, automated (None: not a message)
                "language": r.language,
                "origin": r.origin,
                "conversation": r.title,
                "conversation_kind": r.conversation_kind,
            }
        )
    invitations = [
        {**row, "sent_at": ts_to_iso(row["sent_at"])}
        for row in _rows(
            conn,
            "SELECT id, direction, sent_at, message, origin, withdrawn_on FROM invitations"
            " WHERE owner_id = :o AND person_id = :p ORDER BY sent_at DESC",
            **p,
        )
    ]
    endorsements = [
        {**row, "at": ts_to_date(row["at"]).isoformat() if row["at"] is not None else None}
        for row in _rows(
            conn,
            "SELECT direction, skill, at, status FROM endorsements WHERE owner_id = :o AND person_id = :p"
            " ORDER BY at DESC",
            **p,
        )
    ]
    recommendations = [
        {**row, "at": ts_to_date(row["at"]).isoformat() if row["at"] is not None else None}
        for row in _rows(
            conn,
            "SELECT direction, body, company, job_title, at, status FROM recommendations"
            " WHERE owner_id = :o AND person_id = :p ORDER BY at DESC",
            **p,
        )
    ]
    verdicts = states.compute_states(conn, owner_id, today=today, person_ids=[person_id])
    strengths = strength.compute_strengths(conn, owner_id, today=today, person_ids=[person_id])
    detail: dict[str, Any] = {
        "person": {**ref.to_dict(), "email": emails[0] if emails else None, "emails": emails},
        "related": True,
        "known_by": known_by,
        "connection": dict(connection._mapping) if connection else None,
        "jobs": jobs,
        "interactions": interactions,
        "invitations": invitations,
        "endorsements": endorsements,
        "recommendations": recommendations,
        "tags": list(tags_by_person(conn, owner_id).get(person_id, ())),
        "notes": [n.to_dict() for n in notes_for(conn, owner_id, person_id)],
        "state": verdicts[person_id].to_dict() if person_id in verdicts else None,
        "strength": strengths[person_id].to_dict() if person_id in strengths else None,
    }
    detail["timeline"] = timeline(detail)
    return detail


def own_emails(conn: Connection, owner_id: int, person_id: int) -> list[str]:
    """The person's addresses as this owner's own imports carried them (their connection's, then mail's)."""
    found: list[str] = []
    row = conn.execute(text("SELECT email FROM connections WHERE owner_id = :o AND person_id = :p"),
                       {"o": owner_id, "p": person_id}).first()
    for part in str(row[0] if row and row[0] else "").replace(";", ",").split(","):
        if part.strip() and part.strip() not in found:
            found.append(part.strip())
    for (email,) in conn.execute(text("SELECT email FROM person_emails WHERE owner_id = :o AND person_id = :p "
                                      "ORDER BY email"), {"o": owner_id, "p": person_id}):
        if email not in found:
            found.append(str(email))
    return found


def members_who_know(conn: Connection, person_id: int, *, besides: int | None = None,
                     today: date | None = None) -> list[dict[str, Any]]:
    """The members connected to the person, each with the tie's band (weak, medium, strong) and nothing else:
    all one member shows another of their network. ``besides``: the member asking (their own tie they see
    in full)."""
    rows = conn.execute(text(
        "SELECT o.id, o.name FROM connections c JOIN owners o ON o.id = c.owner_id "
        "WHERE c.person_id = :p AND c.status = 'connected' ORDER BY o.id"), {"p": person_id}).all()
    published = strength.published_bands(conn, [person_id])
    out = []
    for oid, name in rows:
        if int(oid) == besides:
            continue
        band = published.get((int(oid), person_id))
        if band is None:  # published by no import yet (a database from before): worked out now, where readable
            tie = strength.compute_strengths(conn, int(oid), today=today, person_ids=[person_id]).get(person_id)
            band = strength.band(tie.score) if tie else "weak"
        out.append({"owner_id": int(oid), "name": str(name), "band": band})
    return out


def _unrelated(ref: PersonRef, known_by: list[dict[str, Any]]) -> dict[str, Any]:
    """A person only other members know: shared facts (name, public headline) and who knows them how well."""
    public = {"id": ref.id, "full_name": ref.full_name, "first_name": ref.first_name, "url": None,
              "company": ref.company, "position": ref.position, "low_confidence": ref.low_confidence,
              "email": None, "emails": []}
    return {"person": public, "related": False, "known_by": known_by, "connection": None, "jobs": [],
            "interactions": [], "invitations": [], "endorsements": [], "recommendations": [], "tags": [],
            "notes": [], "state": None, "strength": None, "timeline": []}


def timeline(detail: dict[str, Any]) -> list[dict[str, Any]]:
    """One list, newest first, of every dated thing: messages, invitations, endorsements, jobs, connecting."""
    events: list[dict[str, Any]] = []
    conn = detail["connection"]
    if conn and conn.get("connected_on"):
        events.append({"date": conn["connected_on"], "kind": "connected", "direction": None, "text": "Connected"})
    if conn and conn.get("removed_on"):
        events.append(
            {"date": conn["removed_on"], "kind": "removed", "direction": None, "text": "No longer in your export"}
        )
    for job in detail["jobs"][1:]:
        label = " at ".join(x for x in (job["position"], job["company"]) if x)
        events.append({"date": job["first_seen"], "kind": "job_change", "direction": None, "text": label})
    for m in detail["interactions"]:
        events.append(
            {"date": m["date"], "at": m["at"], "kind": m["kind"], "direction": m["direction"],
             "text": m["content"] or "", "reading": m["reading"], "language": m["language"]}
        )
    for inv in detail["invitations"]:
        events.append(
            {"date": inv["sent_at"][:10], "at": inv["sent_at"], "kind": "invitation", "direction": inv["direction"],
             "text": inv["message"] or ""}
        )
    for e in detail["endorsements"]:
        if e["at"]:
            events.append({"date": e["at"], "kind": "endorsement", "direction": e["direction"], "text": e["skill"]})
    for r in detail["recommendations"]:
        if r["at"]:
            events.append(
                {"date": r["at"], "kind": "recommendation", "direction": r["direction"], "text": r["body"] or ""}
            )
    for n in detail["notes"]:
        created = n["created_at"] if isinstance(n, dict) else None
        if created:
            events.append({"date": str(created)[:10], "kind": "note", "direction": None, "text": n["body"]})
    events.sort(key=lambda e: (e["date"] or "", e.get("at") or ""), reverse=True)
    return events
