"""A small browser for the benchmarks: it keeps cookies, reads the app's forms as a browser
would submit them, and types over a few fields, so writes go through the real forms with
their CSRF tokens and version numbers.
"""

from __future__ import annotations

import html.parser
import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Form:
    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)

    def values(self, **changes: str) -> list[tuple[str, str]]:
        """The form as a browser would post it, with some fields typed over."""
        kept = [(name, value) for name, value in self.fields if name not in changes]
        return kept + list(changes.items())

    def value(self, name: str) -> str | None:
        return next((value for key, value in self.fields if key == name), None)


class FormParser(html.parser.HTMLParser):
    """The forms of a page with the values a browser would send unchanged: hidden and typed
    inputs, checked boxes, selected options (or a single select's first), textareas."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.select: tuple[str, bool, list[str], list[str]] | None = None
        self.option: str | None = None
        self.textarea: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.forms.append(Form(attr.get("action", ""), attr.get("method", "get").lower()))
            return
        if not self.forms:
            return
        form, name = self.forms[-1], attr.get("name")
        if tag == "input" and name:
            kind = attr.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attr:
                return
            form.fields.append((name, attr.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self.select = (name, "multiple" in attr, [], [])
        elif tag == "option" and self.select is not None:
            value = attr.get("value")
            self.option = value
            if value is not None:
                self.select[3].append(value)
                if "selected" in attr:
                    self.select[2].append(value)
        elif tag == "textarea" and name:
            self.textarea = (name, [])

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.textarea[1].append(data)
        elif self.select is not None and self.option is None and data.strip():
            # An option without a value attribute sends its text.
            self.select[3].append(data.strip())

    def handle_endtag(self, tag: str) -> None:
        if tag == "option":
            self.option = None
        elif tag == "select" and self.select is not None and self.forms:
            name, multiple, chosen, offered = self.select
            if not chosen and not multiple and offered:
                chosen = offered[:1]
            self.forms[-1].fields.extend((name, value) for value in chosen)
            self.select = None
        elif tag == "textarea" and self.textarea is not None and self.forms:
            name, parts = self.textarea
            # Browsers drop the one line break that follows <textarea>, as WTForms writes it.
            text = "".join(parts)
            text = text[2:] if text.startswith("\r\n") else text.removeprefix("\n")
            self.forms[-1].fields.append((name, text))
            self.textarea = None


def find_form(page: str, action_ending: str, page_path: str = "") -> Form:
    """The form on `page` whose action ends with `action_ending` (a path or path part); a
    form without an action posts to the page itself, `page_path`."""
    parser = FormParser()
    parser.feed(page)
    for form in parser.forms:
        action = urllib.parse.urlsplit(form.action or page_path).path
        if action.endswith(action_ending):
            form.action = form.action or page_path
            return form
    actions = ", ".join(form.action or "(this page)" for form in parser.forms)
    raise LookupError(f"no form posting to …{action_ending} on the page (forms: {actions})")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    """Keeps its cookies, does not follow redirects, and fills in forms it was shown."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def request(
        self, path: str, data: Sequence[tuple[str, str]] | None = None
    ) -> tuple[int, str, str]:
        """(status, body, Location) of one GET, or POST when `data` is given."""
        body = urllib.parse.urlencode(list(data)).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, body, timeout=30) as response:
                return response.status, response.read().decode(), ""
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), error.headers["Location"]

    def get(self, path: str) -> str:
        status, body, _ = self.request(path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        return body

    def log_in(self, email: str, password: str) -> int:
        form = find_form(self.get("/login"), "/login", page_path="/login")
        status, _, _ = self.request("/login", form.values(email=email, password=password))
        return status
