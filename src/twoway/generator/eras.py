"""What changed in the export's format over the years, one record per era (research §2–§3).

Each era names the layout of every file that differs between eras: the Connections URL column and
`Notes:` preamble, the messages layout and its optional trailing columns, the Invitations URL
columns, endorsement URL columns, the 2018 file names. Writers read these flags; nothing else in
the generator knows about eras.
"""

from __future__ import annotations

from dataclasses import dataclass

from twoway.errors import InputError


@dataclass(frozen=True)
class Era:
    name: str
    archive: str = "Complete"  # zip name prefix: Complete_ or Basic_LinkedInDataExport_MM-DD-YYYY
    connection_url: str = "filled"  # none | empty (June 2023) | filled
    preamble: bool = True  # the three `Notes:` lines before the Connections header (mid-2021 on)
    us_connected_dates: bool = False  # 2018: `9/14/18, 3:05 PM` instead of `14 Sep 2018`
    every_email: bool = False  # 2018: e-mail addresses for every connection
    messages: str = "conversations"  # 2018 | 2020 | conversations
    recipient_urls: bool = True  # RECIPIENT PROFILE URLS (2023-04 on)
    message_extras: tuple[str, ...] = ()  # optional trailing columns
    quote_all: bool = False  # 2026-03 on: every field quoted, multi-line CONTENT
    invitation_urls: str = "url"  # none | urn | placeholder | url
    endorser_urls: bool = True  # `Endorser Public Url` / Endorsement_Given_Info.csv (2023-06 on)
    profile_2018: bool = False
    contacts: bool = True  # Contacts.csv address-book upload
    coach_files: bool = False  # header-only AI coach message files (late 2024 on)

    @property
    def has_drafts(self) -> bool:
        return "IS MESSAGE DRAFT" in self.message_extras

    @property
    def has_attachments(self) -> bool:
        return "ATTACHMENTS" in self.message_extras

    @property
    def messages_file(self) -> str:
        return "Messages.csv" if self.messages == "2018" else "messages.csv"


_OLD = {"connection_url": "none", "recipient_urls": False, "invitation_urls": "none", "endorser_urls": False}

_ALL: tuple[Era, ...] = (
    Era("2018-11", preamble=False, us_connected_dates=True, every_email=True, messages="2018",
        profile_2018=True, contacts=False, **_OLD),  # type: ignore[arg-type]
    Era("2020-12", preamble=False, messages="2020", **_OLD),  # type: ignore[arg-type]
    Era("2021-06", **_OLD),  # type: ignore[arg-type]
    Era("2023-02", **_OLD),  # type: ignore[arg-type]
    Era("2023-06", archive="Basic", connection_url="empty", invitation_urls="none"),
    Era("2023-07", archive="Basic", invitation_urls="none"),
    Era("2023-09", invitation_urls="urn"),
    Era("2023-10", invitation_urls="placeholder"),
    Era("2024-02"),
    Era("2024-12", message_extras=("IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"), coach_files=True),
    Era("2025-01", message_extras=("IS MESSAGE DRAFT",), coach_files=True),
    Era("2025-09", archive="Basic", message_extras=("ATTACHMENTS",), coach_files=True),
    Era("2026-02", message_extras=("ATTACHMENTS", "IS MESSAGE DRAFT"), coach_files=True),
    Era("2026-03", message_extras=("ATTACHMENTS",), quote_all=True, coach_files=True),
    Era("2026-06", archive="Basic", message_extras=("ATTACHMENTS",), quote_all=True, coach_files=True),
)

ERA_SPECS: dict[str, Era] = {e.name: e for e in _ALL}
ERAS: tuple[str, ...] = tuple(ERA_SPECS)
LATEST = ERAS[-1]


def era(name: str) -> Era:
    try:
        return ERA_SPECS[name]
    except KeyError:
        raise InputError(f"unknown export era {name!r}; choose one of {', '.join(ERAS)}") from None


# The header rows, exactly as LinkedIn writes them.
CONNECTIONS_OLD = ("First Name", "Last Name", "Email Address", "Company", "Position", "Connected On")
CONNECTIONS_URL = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
MESSAGES_2018 = ("From", "To", "Date", "Subject", "Content", "Direction", "Folder")
MESSAGES_2020 = ("FROM", "TO", "DATE", "SUBJECT", "CONTENT", "DIRECTION", "FOLDER")
MESSAGES_9 = ("CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "DATE", "SUBJECT",
              "CONTENT", "FOLDER")
MESSAGES_10 = ("CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
               "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER")
INVITATIONS = ("From", "To", "Sent At", "Message", "Direction")
INVITATION_URNS = ("inviterProfileUrn", "inviteeProfileUrn")
INVITATION_URLS = ("inviterProfileUrl", "inviteeProfileUrl")
PROFILE = ("First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry",
           "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers")
PROFILE_2018 = ("First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Contact Instructions",
                "Headline", "Summary", "Industry", "Country", "Zip Code", "Geo Location", "Twitter Handles",
                "Websites", "Instant Messengers")
POSITIONS = ("Company Name", "Title", "Description", "Location", "Started On", "Finished On")
ENDORSEMENTS_RECEIVED_OLD = ("Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
                             "Endorsement Status")
ENDORSEMENTS_RECEIVED = ("Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
                         "Endorser Public Url", "Endorsement Status")
ENDORSEMENTS_GIVEN = ("Endorsement Date", "Skill Name", "Endorsee First Name", "Endorsee Last Name",
                      "Endorsee Public Url", "Endorsement Status")
RECOMMENDATIONS = ("First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status")
COMPANY_FOLLOWS = ("Organization", "Followed On")
CONTACTS = ("Source", "FirstName", "LastName", "Companies", "Title", "Emails", "PhoneNumbers", "CreatedAt",
            "Addresses", "Sites", "InstantMessageHandles", "FullName", "Birthday", "Location", "BookmarkedAt",
            "Profiles")
IMPORTED_CONTACTS_2018 = ("First Name", "Last Name", "Companies", "Title", "Email Address", "Phone Numbers",
                          "Created At", "Instant Message Handles", "Addresses", "Sites", "Full Name", "Birthday",
                          "Location", "Bookmarked At", "Profiles")
EMAIL_ADDRESSES = ("Email Address", "Confirmed", "Primary", "Updated On")
SKILLS = ("Name",)
EDUCATION = ("School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities")
REGISTRATION = ("Registered At", "Registration Ip", "Subscription Types")
REGISTRATION_2018 = ("Registration Date", "Registration IP Address", "Invited by (First Name)",
                     "Invited by (Last Name)", "Subscription Types")
COACH_FILES = ("guide_messages.csv", "learning_coach_messages.csv", "learning_role_play_messages.csv")

#: Our own wording of the `Notes:` sentence, the same shape as LinkedIn's: one quoted line of 366 bytes.
NOTES_SENTENCE = (
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or "
    "download their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
    'To learn more, visit https://www.linkedin.com/help/linkedin/answer/2610 ."'
)
