"""The exceptions twoway raises for its users.

Every message is written for the person at the keyboard, whichever face they use: it names no command
line flag nor command (an API client has neither). What to type on the command line goes in ``cli_hint``,
which only the CLI adds. The faces translate them once: the CLI prints the message (and the hint) and exits
non-zero, the API maps them to one JSON error shape.
"""

from __future__ import annotations


class TwowayError(Exception):
    """Something went wrong."""

    #: HTTP status the API answers with; the CLI uses ``exit_code``.
    status = 400
    exit_code = 1
    code = "error"
    #: What to type on the command line to go on (``--owner NAME``); the CLI adds it, the API never shows it.
    cli_hint: str | None = None

    def __init__(self, message: str | None = None, *, cli_hint: str | None = None) -> None:
        super().__init__(message or (self.__doc__ or "").strip())
        if cli_hint is not None:
            self.cli_hint = cli_hint

    @property
    def message(self) -> str:
        return str(self.args[0])


class InputError(TwowayError):
    """The input could not be read."""

    code = "bad_input"
    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 cli_hint: str | None = None) -> None:
        self.file = file
        self.line = line
        where = ""
        if file and line:
            where = f"{file}, line {line}: "
        elif file:
            where = f"{file}: "
        super().__init__(where + message, cli_hint=cli_hint)


class NotFound(TwowayError):
    """Nothing matches."""

    code = "not_found"
    status = 404
    exit_code = 3


class Ambiguous(TwowayError):
    """More than one match; say which one."""

    code = "ambiguous"
    status = 409
    exit_code = 3


class Conflict(TwowayError):
    """That cannot be done in the current state."""

    code = "conflict"
    status = 409


class NeedsConfirmation(Conflict):
    """That would change a lot at once; confirm it if it is right."""

    code = "needs_confirmation"
    cli_hint = "to confirm, run the same command again with --yes"


class InvalidSetting(TwowayError):
    """That value does not fit the setting."""

    code = "invalid_setting"
    status = 422


class StorageError(TwowayError):
    """The database could not be opened or updated."""

    code = "storage"
    status = 500


class Busy(TwowayError):
    """busy, try again in a moment: another program is writing to the database."""

    code = "busy"
    status = 503
    exit_code = 75  # EX_TEMPFAIL


class Unauthorized(TwowayError):
    """Log in first: this is a team server and nobody is logged in."""

    code = "unauthorized"
    status = 401
    exit_code = 77  # EX_NOPERM


class Forbidden(TwowayError):
    """That needs a team admin."""

    code = "forbidden"
    status = 403
    exit_code = 77


class TooManyAttempts(TwowayError):
    """Too many failed logins; wait before trying again."""

    code = "too_many_attempts"
    status = 429
    exit_code = 75

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
