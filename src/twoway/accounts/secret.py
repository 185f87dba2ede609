"""Random secrets handed out once (invitation codes, session and API tokens); only their SHA-256 is stored.

A 32-byte random token needs no slow hash: nobody can guess one, so a fast digest that lets the database look
it up by equality is enough, and a stolen table gives away no usable token.
"""

from __future__ import annotations

import hashlib
import secrets
import time


def new_token(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    return hashlib.sha256(token.strip().encode()).hexdigest()


def now() -> int:
    """Wall-clock epoch seconds: logins expire in real time, whatever day TWOWAY_TODAY pretends it is."""
    return int(time.time())
