"""Passwords: argon2id through argon2-cffi, rehashed on the next good login when the parameters change."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from twoway.errors import InputError

#: argon2-cffi's own defaults (RFC 9106's low-memory profile); raising them rehashes each member at next login.
HASHER = PasswordHasher()
MIN_LENGTH = 10
MAX_LENGTH = 1024  # argon2 would take any length; a megabyte "password" is a denial of service, not a secret


def check_strength(password: str) -> None:
    """Refuse a password too short to resist guessing (or absurdly long), in words."""
    if len(password) < MIN_LENGTH:
        raise InputError(f"a password needs at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise InputError(f"a password may have at most {MAX_LENGTH} characters")


def hash_password(password: str, hasher: PasswordHasher = HASHER) -> str:
    return hasher.hash(password)


def verify(stored: str | None, password: str, hasher: PasswordHasher = HASHER) -> tuple[bool, bool]:
    """(whether ``password`` matches ``stored``, whether the hash should be made again with today's parameters)."""
    if not stored or len(password) > MAX_LENGTH:
        return False, False
    try:
        hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False, False
    return True, hasher.check_needs_rehash(stored)
