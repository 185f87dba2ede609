"""Profile URLs as keys: LinkedIn's hosts only, never an exception, idempotent, case-blind slugs."""

from __future__ import annotations

import pytest

from twoway.identity import normalise_url, url_key

ADA = "https://www.linkedin.com/in/ada"


@pytest.mark.parametrize("raw", [
    "https://www.linkedin.com/in/ada", "http://linkedin.com/in/ada/", "HTTPS://WWW.LINKEDIN.COM/in/ada?trk=x#y",
    "www.linkedin.com/in/ada", "//linkedin.com/in/ada", "  https://de.linkedin.com/in/ada/details  ",
])
def test_spellings_of_one_profile(raw: str) -> None:
    assert normalise_url(raw) == ADA


@pytest.mark.parametrize("raw", [
    "https://[www.linkedin.com/in/ada", "https://notlinkedin.com/in/ada", "https://linkedin.com.evil.io/in/ada",
    "https://evil.io/linkedin.com/in/ada", "https://evil.io@linkedin.com/in/ada", "https://x@www.linkedin.com/in/a",
    "https://www.linkedin.com:8080/in/ada", "ftp://www.linkedin.com/in/ada", "javascript://linkedin.com/in/ada",
    "https://www.linkedin.com/in/ad\x1b[2Ja", "https://www.linkedin.com/in/ada\x00", "https://www.linkedin.com/in",
    "https://www.linkedin.com/in/", "https://www.linkedin.com/company/ada", "", "   ", None,
    "https://www.linkedin.com/in/ada lovelace",
])
def test_not_a_profile(raw: str | None) -> None:
    assert normalise_url(raw) is None


@pytest.mark.parametrize("raw", [
    ADA, "https://www.linkedin.com/in/J%C3%A9r%C3%B4me-X/", "linkedin.com/in/Ada-L?x=1", "https://uk.linkedin.com/in/ö",
])
def test_idempotent(raw: str) -> None:
    once = normalise_url(raw)
    assert once is not None
    assert normalise_url(once) == once


def test_slug_case_is_kept_but_compared_blind() -> None:
    upper = normalise_url("https://www.linkedin.com/in/Ada-Lovelace")
    lower = normalise_url("linkedin.com/in/ada-lovelace")
    assert upper == "https://www.linkedin.com/in/Ada-Lovelace"
    assert upper is not None
    assert lower is not None
    assert upper != lower
    assert url_key(upper) == url_key(lower)
