"""Which file is which: recognised by the columns of its header, never by its name alone.

Column names are compared normalised (case-folded, letters and digits only), so ``Connected On``,
``CONNECTED ON``, ``connected_on`` and ``ConnectedOn`` are one name. A file's name only breaks ties
the header cannot: AI-coach chats share messages.csv's header, and Recommendations Given/Received
share one header.
"""

from __future__ import annotations

import re

CONNECTIONS = "connections"
MESSAGES = "messages"
COACH_MESSAGES = "coach messages"
INVITATIONS = "invitations"
PROFILE = "profile"
POSITIONS = "positions"
ENDORSEMENTS_RECEIVED = "endorsements received"
ENDORSEMENTS_GIVEN = "endorsements given"
RECOMMENDATIONS_RECEIVED = "recommendations received"
RECOMMENDATIONS_GIVEN = "recommendations given"
CONTACTS = "contacts"

# Columns a header must contain to be taken for each kind, most specific first.
SIGNATURES: tuple[tuple[str, frozenset[str]], ...] = (
    (CONNECTIONS, frozenset({"firstname", "lastname", "connectedon"})),
    (INVITATIONS, frozenset({"from", "to", "sentat", "direction"})),
    (MESSAGES, frozenset({"from", "to", "date", "content"})),
    (ENDORSEMENTS_RECEIVED, frozenset({"endorsementdate", "skillname", "endorserfirstname", "endorserlastname"})),
    (ENDORSEMENTS_GIVEN, frozenset({"endorsementdate", "skillname", "endorseefirstname", "endorseelastname"})),
    (RECOMMENDATIONS_RECEIVED, frozenset({"firstname", "lastname", "jobtitle", "text", "creationdate"})),
    (PROFILE, frozenset({"firstname", "lastname", "headline", "industry"})),
    (POSITIONS, frozenset({"companyname", "title", "startedon", "finishedon"})),
    (CONTACTS, frozenset({"firstname", "lastname", "companies"})),
    # Hand-edited connection files: one Name column, or a first name without a last name.
    (CONNECTIONS, frozenset({"name", "connectedon"})),
    (CONNECTIONS, frozenset({"fullname", "connectedon"})),
    (CONNECTIONS, frozenset({"firstname", "connectedon"})),
)

# What a file whose *name* says it is one of these must contain, for the error message.
EXPECTED_BY_NAME = {
    "connections": (CONNECTIONS, "First Name, Last Name and Connected On"),
    "messages": (MESSAGES, "FROM, TO, DATE and CONTENT"),
    "invitations": (INVITATIONS, "From, To, Sent At and Direction"),
    "profile": (PROFILE, "First Name, Last Name, Headline and Industry"),
}
# Files whose name says they matter so much that an unreadable header stops the import.
REQUIRED_KINDS = frozenset({CONNECTIONS, MESSAGES, INVITATIONS})

_NON_ALNUM = re.compile(r"[\W_]+")
_COACH_WORDS = ("coach", "guide", "roleplay", "learning")


def norm(name: str) -> str:
    """A column or file name reduced to lower-case letters and digits."""
    return _NON_ALNUM.sub("", name.strip().strip('"').casefold())


def stem(path: str) -> str:
    """``Jobs/Saved Jobs.csv`` → ``savedjobs``; numbered splits keep their digits."""
    base = path.replace("\\", "/").rsplit("/", 1)[-1]
    if "." in base:
        base = base.rsplit(".", 1)[0]
    return norm(base)


def identify(columns: set[str], file_name: str) -> str | None:
    """The kind of file whose normalised header columns are ``columns``, or None."""
    for kind, required in SIGNATURES:
        if required <= columns:
            name = stem(file_name)
            if kind == MESSAGES and any(word in name for word in _COACH_WORDS):
                return COACH_MESSAGES
            if kind == RECOMMENDATIONS_RECEIVED and "given" in name:
                return RECOMMENDATIONS_GIVEN
            return kind
    return None
