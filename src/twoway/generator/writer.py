"""Writing a synthetic export to a zip or a folder, byte for byte as LinkedIn (or Excel) would.

`generate_export` builds the world, cuts it on the export day, streams every file through
``csv.writer`` straight into the archive, and returns the ground truth the files hold: counts per
file, what changed since the base date, and what every message means (its intended kind, its
family and language: :meth:`GeneratedExport.message_truth`).
"""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from array import array
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import IO, Any, Literal

from twoway import clock
from twoway.errors import InputError
from twoway.generator import files as F
from twoway.generator import side_files as S
from twoway.generator import world as W
from twoway.generator.content import FAMILY_KIND, FAMILY_NAMES, KINDS, QUESTION
from twoway.generator.eras import LATEST
from twoway.generator.eras import era as era_spec
from twoway.generator.files import DRAFT_BIT, LANG_SHIFT, OUT_BIT, CsvFile, Cut
from twoway.generator.model import DAY, LOW
from twoway.generator.personas import DEFAULT_PERSONA
from twoway.generator.texts import LANGUAGES

#: Files that ``utf16_files`` writes as UTF-16 LE tab-separated text, as some real archives hold.
UTF16_FILES = ("Endorsement_Received_Info.csv", "Endorsement_Given_Info.csv", "Recommendations_Received.csv",
               "Recommendations_Given.csv", "Company Follows.csv")
#: Files that ``excel_resave`` rewrites as a spreadsheet program saves them.
EXCEL_FILES = ("Connections.csv",)


@dataclass(frozen=True)
class GeneratedPerson:
    name: str
    url: str
    company: str
    position: str


@dataclass(frozen=True)
class JobChange:
    name: str
    url: str
    before: tuple[str, str]
    after: tuple[str, str]


@dataclass(frozen=True)
class MessageTruth:
    """What one messages.csv row means, beside what the row says (same order as the file)."""

    row: dict[str, str]  # the row as written, by column name
    kind: str  # question | news | courtesy | pitch | automated
    family: str  # the template family: thanks_in, birthday, checkin, pitch_followup... (content.FAMILIES)
    language: str  # en | de | es | fr | pt | it | nl
    outgoing: bool  # sent by the owner
    draft: bool


@dataclass(frozen=True)
class GeneratedExport:
    """Where the export is, and what it holds (the ground truth for tests)."""

    path: Path
    era: str
    exported_on: date
    base_date: date
    seed: int
    owner_name: str
    owner_url: str
    owner_url_inferable: bool
    connections: int
    date_only: int
    messages: int
    drafts: int
    sponsored: int
    spam: int
    group_messages: int
    group_conversations: int
    conversations: int
    #: Rows from or to "LinkedIn Member" (hidden profiles, deleted accounts, some sponsors).
    linkedin_member: int
    #: Of those, rows of direct threads whose other side shows only as "LinkedIn Member".
    hidden_member: int
    owner_sent: int
    invitations_in: int
    invitations_out: int
    invitation_notes: int
    endorsements_received: int
    endorsements_given: int
    recommendations_received: int
    recommendations_given: int
    contacts: int
    company_follows: int
    positions: int
    #: Compared with the export of the base date (empty when this is that export).
    added: tuple[GeneratedPerson, ...]
    removed: tuple[GeneratedPerson, ...]
    job_changes: tuple[JobChange, ...]
    #: Connections whose open attempt on the base date (the owner's unanswered opening message or
    #: retry) got their answer by this export: the re-import closes those attempts.
    answered: tuple[GeneratedPerson, ...]
    #: Visible connections worth looking at: two-way, chatty, still connected.
    featured: tuple[str, ...]
    files: tuple[str, ...]
    utf16_files: tuple[str, ...]
    excel_files: tuple[str, ...]
    #: The owner's persona (see twoway.generator.personas) and language.
    persona: str = DEFAULT_PERSONA
    owner_language: str = "en"
    #: Visible connections with no message at all in the export (either way, direct or in a group chat;
    #: drafts aside).
    never_written: int = 0
    #: Message rows (drafts aside) by intended kind, by family and by language; the owner's own by kind.
    message_kinds: dict[str, int] = field(default_factory=dict, hash=False)
    message_families: dict[str, int] = field(default_factory=dict, hash=False)
    message_languages: dict[str, int] = field(default_factory=dict, hash=False)
    owner_message_kinds: dict[str, int] = field(default_factory=dict, hash=False)
    #: Invitation notes by kind (personal, default, pitch, recruiter) and by language.
    invitation_note_kinds: dict[str, int] = field(default_factory=dict, hash=False)
    invitation_note_languages: dict[str, int] = field(default_factory=dict, hash=False)
    #: One code per messages.csv row (see files.truth_code); read them with :meth:`message_truth`.
    message_codes: array = field(default_factory=lambda: array("H"), repr=False, compare=False)  # type: ignore[type-arg]

    @property
    def person_messages(self) -> int:
        """Messages with someone identifiable: all rows but drafts, sponsored and "LinkedIn Member" threads."""
        return self.messages - self.sponsored - self.hidden_member

    @property
    def invitations(self) -> int:
        return self.invitations_in + self.invitations_out

    def to_dict(self) -> dict[str, Any]:
        data = asdict(replace(self, message_codes=array("H")))
        del data["message_codes"]
        data["path"] = str(self.path)
        return data

    def message_truth(self) -> list[MessageTruth]:
        """Every messages.csv row (drafts included) with what it means: its intended kind, family and
        language, whether the owner sent it, whether it is a draft. Reads the file back, so the
        rows are exactly as written (the export must still be where it was written)."""
        name = next(f for f in self.files if f.lower() == "messages.csv")
        if self.path.suffix == ".zip":
            with zipfile.ZipFile(self.path) as zf:
                data = zf.read(name)
        else:
            data = (self.path / name).read_bytes()
        rows = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
        header = next(rows)
        out: list[MessageTruth] = []
        for row, code in zip(rows, self.message_codes, strict=True):
            family = code & 63
            out.append(MessageTruth(
                row=dict(zip(header, row, strict=True)), kind=KINDS[FAMILY_KIND[family]], family=FAMILY_NAMES[family],
                language=LANGUAGES[(code >> LANG_SHIFT) & 7], outgoing=bool(code & OUT_BIT),
                draft=bool(code & DRAFT_BIT),
            ))
        return out


def generate_export(
    dest: Path,
    *,
    seed: int = 0,
    connections: int = 1500,
    years: int = 10,
    messages: int | None = None,
    era: str = LATEST,
    today: date | None = None,
    as_zip: bool = True,
    excel_resave: bool = False,
    utf16_files: bool = False,
    owner_name: str | None = None,
    later_days: int = 0,
    persona: str = DEFAULT_PERSONA,
    language: str | None = None,
) -> GeneratedExport:
    """Write a synthetic LinkedIn export of one owner's network into ``dest`` (a folder, or a .zip path).

    The world is fixed by seed, size, years, messages, ``today``, persona and language; ``later_days``
    cuts the same world that many days later: the owner's next export, for re-import tests.
    ``messages`` is the number of message rows (drafts aside) of the export on ``today``; None lets
    the world decide. ``persona`` is the kind of owner (``careful``, ``neglectful``,
    ``recruiter_magnet``, ``non_english``: see twoway.generator.personas); ``language`` the owner's
    own (``en``, ``de``, ``es``, ``fr``, ``pt``, ``it``, ``nl``; None: English, except for the
    ``non_english`` persona, which draws one of the six others from the seed).
    """
    spec = era_spec(era)
    if connections < 10 or connections > 30_000:
        raise InputError("connections must be between 10 and 30,000 (LinkedIn's limit)")
    if years < 1 or years > 25:
        raise InputError("years must be between 1 and 25")
    if messages is not None and messages < 0:
        raise InputError("messages cannot be negative")
    if not 0 <= later_days <= W.HORIZON_DAYS:
        raise InputError(f"later_days must be between 0 and {W.HORIZON_DAYS}")
    base = today or clock.today()
    world = W.build(seed=seed, connections=connections, years=years, base=base, owner_name=owner_name,
                    messages=messages, persona=persona, language=language)
    day = world.base_day + later_days
    cut = Cut(world, spec, day, excel=excel_resave)
    exported = base + timedelta(days=later_days)
    stem = f"{spec.archive}_LinkedInDataExport_{exported:%m-%d-%Y}"
    dest = Path(dest)
    target = dest if dest.suffix == ".zip" and as_zip else dest / (stem + (".zip" if as_zip else ""))
    target.parent.mkdir(parents=True, exist_ok=True)
    written = _write_all(target, cut, as_zip=as_zip, utf16=utf16_files)
    return _ground_truth(target, cut, base, seed, written, utf16_files, excel_resave)


def _file_list(cut: Cut) -> list[CsvFile]:
    msgs = F.messages(cut)
    out = [F.connections(cut), msgs, F.invitations(cut), S.profile(cut), S.positions(cut),
           S.endorsements_received(cut)]
    if cut.era.endorser_urls:
        out.append(S.endorsements_given(cut))
    out += [S.recommendations(cut, "received"), S.recommendations(cut, "given"), S.company_follows(cut),
            S.contacts(cut), *S.owner_details(cut), *S.coach_files(cut, msgs.header)]
    return out


def _write_all(target: Path, cut: Cut, *, as_zip: bool, utf16: bool) -> list[str]:
    names: list[str] = []
    if target.exists():
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()
    if as_zip:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            for f in _file_list(cut):
                with zf.open(f.name, "w", force_zip64=True) as raw:
                    _write_file(raw, f, excel=cut.excel and f.name in EXCEL_FILES,
                                utf16=utf16 and f.name in UTF16_FILES)
                names.append(f.name)
    else:
        target.mkdir(parents=True)
        for f in _file_list(cut):
            with open(target / f.name, "wb") as raw:
                _write_file(raw, f, excel=cut.excel and f.name in EXCEL_FILES, utf16=utf16 and f.name in UTF16_FILES)
            names.append(f.name)
    return names


def _write_file(raw: IO[bytes], f: CsvFile, *, excel: bool, utf16: bool) -> None:
    quoting: Literal[0, 1, 2, 3]
    if utf16:
        encoding, delimiter, quoting, newline = "utf-16-le", "\t", csv.QUOTE_ALL, "\r\n"
        raw.write(b"\xff\xfe")
    elif excel:
        encoding, delimiter, quoting, newline = "utf-8-sig", ",", csv.QUOTE_MINIMAL, "\r\n"
    else:
        encoding, delimiter, quoting = "utf-8", ",", csv.QUOTE_ALL if f.quote_all else csv.QUOTE_MINIMAL
        newline = "\n"
    with _text(raw, encoding) as stream:
        stream.write(f.preamble)
        writer = csv.writer(stream, delimiter=delimiter, quoting=quoting, lineterminator=newline)
        pending = f.header
        # Hold one row back: some files end without a newline after their last row.
        for row in f.rows:
            writer.writerow(pending)
            pending = row
        if f.trailing_newline:
            writer.writerow(pending)
        else:
            last = io.StringIO()
            csv.writer(last, delimiter=delimiter, quoting=quoting, lineterminator=newline).writerow(pending)
            stream.write(last.getvalue()[: -len(newline)])


@contextmanager
def _text(raw: IO[bytes], encoding: str) -> Iterator[io.TextIOWrapper]:
    stream = io.TextIOWrapper(raw, encoding=encoding, newline="", write_through=False)
    try:
        yield stream
    finally:
        stream.flush()
        stream.detach()


def _person(p: W.Person, day: int) -> GeneratedPerson:
    company, position = p.job_on(day)
    return GeneratedPerson(p.name, p.url, company, position)


def _open_attempt(p: W.Person, end: int) -> bool:
    """Is the thread's last word by ``end`` the owner's attempt: a question (check-in, retry, ask)?
    Courtesies (thanks, congratulations, wishes) are not attempts."""
    seen = p.events_until(end)
    if not seen:
        return False
    last = p.events[seen - 1]
    return bool(last & 1) and FAMILY_KIND[(last & LOW) >> 1] == QUESTION


def _answered_between(p: W.Person, start: int, end: int) -> bool:
    return any(not e & 1 for e in p.events[p.events_until(start):p.events_until(end)])


def _ground_truth(target: Path, cut: Cut, base: date, seed: int, written: list[str], utf16: bool,
                  excel: bool) -> GeneratedExport:
    world, day, stats = cut.world, cut.day, cut.stats
    base_day = world.base_day
    visible_now = {p.idx for p in world.connections_on(day) if not p.hidden}
    visible_then = {p.idx for p in world.connections_on(base_day) if not p.hidden}
    people = world.people
    added = tuple(_person(people[i], day) for i in sorted(visible_now - visible_then))
    removed = tuple(_person(people[i], base_day) for i in sorted(visible_then - visible_now))
    changes = tuple(
        JobChange(people[i].name, people[i].url, people[i].job_on(base_day), people[i].job_on(day))
        for i in sorted(visible_now & visible_then)
        if people[i].job_on(base_day) != people[i].job_on(day)
    )
    end = cut.end
    base_end = base_day * DAY + DAY - 1
    answered = tuple(
        _person(people[i], day) for i in sorted(visible_now & visible_then)
        if _open_attempt(people[i], base_end) and _answered_between(people[i], base_end, end)
    )
    chatty = sorted(
        (p for p in people if p.idx in visible_now and p.kind == "quick"),
        key=lambda p: (-p.events_until(end), p.idx),
    )
    spec = cut.era
    grouped = {m for g in world.groups if any(at <= end for at, _, _ in g.messages) for m in g.members}
    never = sum(1 for i in visible_now if not people[i].events_until(end) and i not in grouped)
    codes = cut.message_codes
    plain = Counter(c & ~DRAFT_BIT for c in codes if not c & DRAFT_BIT)
    kinds: Counter[str] = Counter()
    families: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    mine: Counter[str] = Counter()
    for code, n in plain.items():
        family = code & 63
        kinds[KINDS[FAMILY_KIND[family]]] += n
        families[FAMILY_NAMES[family]] += n
        languages[LANGUAGES[(code >> LANG_SHIFT) & 7]] += n
        if code & OUT_BIT:
            mine[KINDS[FAMILY_KIND[family]]] += n
    note_kinds = Counter(k for k, _ in cut.invitation_codes if k)
    note_languages = Counter(LANGUAGES[lang] for k, lang in cut.invitation_codes if k)
    inferable = (spec.messages == "conversations" and stats["owner_sent"] > 0) or (
        spec.invitation_urls == "url" and stats["invitations_out"] > 0
    )
    return GeneratedExport(
        path=target, era=spec.name, exported_on=W.date_of(day), base_date=base, seed=seed,
        owner_name=world.owner.name, owner_url=world.owner.url, owner_url_inferable=inferable,
        connections=stats["connections"], date_only=stats["date_only"], messages=stats["messages"],
        drafts=stats["drafts"], sponsored=stats["sponsored"], spam=stats["spam"],
        group_messages=stats["group_messages"], group_conversations=stats["group_conversations"],
        conversations=stats["conversations"], linkedin_member=stats["linkedin_member"],
        hidden_member=stats["hidden_member"],
        owner_sent=stats["owner_sent"], invitations_in=stats["invitations_in"],
        invitations_out=stats["invitations_out"], invitation_notes=stats["invitation_notes"],
        endorsements_received=stats["endorsements_received"], endorsements_given=stats["endorsements_given"],
        recommendations_received=stats["recommendations_received"],
        recommendations_given=stats["recommendations_given"], contacts=stats["contacts"],
        company_follows=stats["company_follows"], positions=stats["positions"],
        added=added, removed=removed, job_changes=changes, answered=answered,
        featured=tuple(p.name for p in chatty[:5]),
        files=tuple(written), utf16_files=tuple(n for n in written if utf16 and n in UTF16_FILES),
        excel_files=tuple(n for n in written if excel and n in EXCEL_FILES),
        persona=world.owner.persona, owner_language=LANGUAGES[world.owner.lang], never_written=never,
        message_kinds=dict(sorted(kinds.items())), message_families=dict(sorted(families.items())),
        message_languages=dict(sorted(languages.items())), owner_message_kinds=dict(sorted(mine.items())),
        invitation_note_kinds=dict(sorted(note_kinds.items())),
        invitation_note_languages=dict(sorted(note_languages.items())), message_codes=codes,
    )
