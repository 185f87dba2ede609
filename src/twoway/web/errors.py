"""One error shape for every API error, and a readable error page for people.

Every JSON error is ``{"error": {"code": str, "message": str, "status": int}}``: twoway's own
errors keep their ``code`` and ``status``; 404/405/422 and anything unexpected are mapped here.
Pages get the same message inside the site's layout instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from twoway.errors import Busy, TooManyAttempts, TwowayError

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_attempts",
    500: "internal",
    503: "busy",
}


class WebError(Exception):
    """An error raised by the web layer itself (CSRF, uploads), in the same terms as TwowayError."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


class ErrorDetail(BaseModel):
    code: str
    message: str
    status: int


class ErrorBody(BaseModel):
    """The one shape of every API error."""

    error: ErrorDetail


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "status": status}}


def wants_json(path: str, headers: Mapping[str, str]) -> bool:
    if path.startswith("/api/") or path in ("/api", "/openapi.json"):
        return True
    accept = headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(path: str, headers: Mapping[str, str], status: int, code: str, message: str) -> Response:
    if wants_json(path, headers):
        return JSONResponse(error_body(status, code, message), status_code=status)
    from twoway.web.templating import render_error_page

    return HTMLResponse(render_error_page(status, code, message), status_code=status)


def render_for_middleware(scope: Any, headers: Mapping[str, str], status: int, code: str, message: str) -> Response:
    return error_response(scope.get("path", ""), headers, status, code, message)


def _describe_validation(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body",)) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "The request is not valid."


def install(app: FastAPI) -> None:
    async def on_twoway(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, TwowayError)
        response = error_response(request.url.path, request.headers, exc.status, exc.code, exc.message)
        if isinstance(exc, Busy):
            response.headers["retry-after"] = "1"
        if isinstance(exc, TooManyAttempts):
            response.headers["retry-after"] = str(exc.retry_after)
        return response

    async def on_web(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        return error_response(request.url.path, request.headers, exc.status, exc.code, exc.message)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        status = exc.status_code
        message = exc.detail if isinstance(exc.detail, str) else "The request failed."
        if status == 404 and message == "Not Found":
            message = f"There is nothing at {request.url.path}."
        elif status == 405:
            message = f"{request.method} is not allowed on {request.url.path}."
        response = error_response(request.url.path, request.headers, status, CODES.get(status, "error"), message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request.url.path, request.headers, 422, "invalid_request", _describe_validation(exc))

    app.add_exception_handler(TwowayError, on_twoway)
    app.add_exception_handler(WebError, on_web)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)


#: ``responses=`` for API routes, so the OpenAPI description names the error shape.
API_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": desc}
    for status, desc in (
        (400, "Bad input"),
        (401, "Access token missing (only when served beyond localhost)"),
        (403, "CSRF token missing or wrong"),
        (404, "Not found"),
        (409, "Ambiguous or conflicting"),
        (422, "Invalid request or setting"),
        (500, "Internal error"),
        (503, "The database is busy with another writer; try again"),
    )
}
