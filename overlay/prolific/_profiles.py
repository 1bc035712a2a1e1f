"""The config file: where it lives, what it may hold (each key's rule), reading it with lines, writing one value.

The file is TOML (read with the standard library's ``tomllib``)::

    default_profile = "lab"

    [profiles.lab]
    workspace_id = "6540a1b2c3d4e5f607182930"
    token_command = "pass show prolific/lab"
    bonuses.max_total = 250.00

Every problem names the file, the line and the key, and what to write instead. The writer
(:func:`set_value`) changes one line (or adds one) and keeps the rest of the file, comments
included; it checks the result by reading it back before replacing the file.

Nothing here imports httpx: ``prolific-client config`` runs offline.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shlex
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ._config import TOKEN_ENV, URL_ENV, check_base_url, check_token
from ._errors import ConfigurationError
from ._validation import id_problem

#: The folder under the user's config directory, and the file's name in it.
APP_DIR = "prolific-client"
FILE_NAME = "config.toml"
#: The command that makes the file (named in messages).
INIT_COMMAND = "prolific-client config init"
#: Seconds a token_command may take (a password manager may ask to be unlocked first).
TOKEN_COMMAND_TIMEOUT = 120.0


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/prolific-client/config.toml``, else ``~/.config/prolific-client/config.toml``.

    A relative ``$XDG_CONFIG_HOME`` is ignored, as the XDG specification says.
    """
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CONFIG_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".config"
    return root / APP_DIR / FILE_NAME


# -- what a profile may hold ---------------------------------------------------------------------


def _text(value: object, origin: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigurationError(f"{origin}: expected a non-empty string")
    return value.strip()


def _workspace(value: object, origin: str) -> str:
    problem = id_problem(value, "workspace id")
    if problem is not None:
        raise ConfigurationError(f"{origin}: {problem}")
    return value  # type: ignore[return-value]  # id_problem found it a str


def _project(value: object, origin: str) -> str:
    problem = id_problem(value, "project id")
    if problem is not None:
        raise ConfigurationError(f"{origin}: {problem}")
    return value  # type: ignore[return-value]


def _amount(value: object, origin: str) -> Decimal:
    """An amount in major units (``250``, ``250.00``, ``"250.00"``), more than 0."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise ConfigurationError(f"{origin}: expected an amount in major units, e.g. 250.00 (a number or a string)")
    try:
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value).strip())
    except InvalidOperation:
        raise ConfigurationError(
            f"{origin}: {value!r} is not an amount; write it in major units, e.g. 250.00"
        ) from None
    if not amount.is_finite() or amount <= 0:
        raise ConfigurationError(f"{origin}: {value!r} must be more than 0 (major units, e.g. 250.00)")
    return amount


def _state_url(value: object, origin: str) -> str:
    """A path (``~`` expanded) or a URL, as written: the state store parses it."""
    text = _text(value, origin)  # the value is never echoed: a URL may hold a password
    return os.path.expanduser(text) if text.startswith("~") else text


def _token(value: object, origin: str) -> str:
    return check_token(value, origin)


def _command(value: object, origin: str) -> tuple[str, ...]:
    """A command line: a string (split as a shell would, but run without one) or an array of strings."""
    if isinstance(value, str):
        try:
            words = shlex.split(value)
        except ValueError as exc:
            raise ConfigurationError(f"{origin}: cannot split the command ({exc}); check its quotes") from None
    elif isinstance(value, list) and all(isinstance(word, str) for word in value):
        words = list(value)
    else:
        raise ConfigurationError(f"{origin}: expected a string or an array of strings (the command and its arguments)")
    if not words or not words[0].strip():
        raise ConfigurationError(f'{origin}: the command is empty; e.g. token_command = "pass show prolific"')
    return tuple(words)


@dataclass(frozen=True)
class Key:
    """A key a profile may hold: its name in the file, the :class:`~prolific.Settings` attribute it sets,
    its environment variable, and its rule (``parse(value, origin)``, raising ConfigurationError)."""

    name: str
    attribute: str
    env: str | None
    parse: Callable[[object, str], Any]
    help: str
    #: What ``config set`` writes: a TOML string, or the value as it is (a number).
    quoted: bool = True


#: Every key of a profile, in the order ``config show`` lists them.
KEYS: tuple[Key, ...] = (
    Key("base_url", "base_url", URL_ENV, check_base_url, "the API's base URL, without /api/v1"),
    Key("workspace_id", "workspace_id", "PROLIFIC_WORKSPACE_ID", _workspace, "the default workspace"),
    Key("project_id", "project_id", "PROLIFIC_PROJECT_ID", _project, "the default project"),
    Key(
        "bonuses.max_total", "max_total", "PROLIFIC_BONUSES_MAX_TOTAL", _amount,
        "the most one bonus payment may total (major units)", quoted=False,
    ),
    Key(
        "studies.max_spend", "max_spend", "PROLIFIC_STUDIES_MAX_SPEND", _amount,
        "the most a study may cost (major units)", quoted=False,
    ),
    Key("state_url", "state_url", "PROLIFIC_STATE_URL", _state_url, "the state store: a path or a URL"),
    Key("token", "token", TOKEN_ENV, _token, "the API token (keep it out of the file: token_command)"),
    Key("token_command", "", None, _command, "a command that prints the API token (run without a shell)"),
)  # fmt: skip
KEYS_BY_NAME = {key.name: key for key in KEYS}
#: The keys of the file outside the profiles.
TOP_KEYS = ("default_profile", "profiles")
_TABLES = {name.partition(".")[0] for name in KEYS_BY_NAME if "." in name}  # bonuses, studies
_BARE = re.compile(r"[A-Za-z0-9_-]+")


def did_you_mean(name: str, choices: list[str] | tuple[str, ...]) -> str:
    """`` (did you mean X?)`` for the closest choice, else ``""``."""
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def check_profile_name(name: object, origin: str) -> str:
    """A profile name: letters, digits, ``_`` and ``-`` (a bare TOML key)."""
    if not isinstance(name, str) or not _BARE.fullmatch(name):
        raise ConfigurationError(
            f"{origin}: {name!r} is not a profile name: use letters, digits, '_' and '-' (e.g. lab, personal)"
        )
    return name


def hide_password(url: str) -> str:
    """``url`` with its password (``user:password@``, or ``password=`` in its query) shown as ``***``.

    The one password hider of state URLs (:func:`prolific._store._url.redact`), here for the settings.

    >>> hide_password("postgresql://lab:s3cret@db.example.org/prolific")
    'postgresql://lab:***@db.example.org/prolific'
    >>> hide_password("/var/lib/lab")
    '/var/lib/lab'
    """
    from ._store._url import redact

    try:
        return redact(url)
    except ValueError:  # not a URL urllib can split (a bad port): shown as written, it names no password
        return url


def has_password(url: str) -> bool:
    """Whether a state URL holds a password (``user:password@``, or ``password=`` in its query)."""
    return hide_password(url) != url


# -- reading ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """A value of the file (after its key's rule) and the line it is on."""

    value: Any
    line: int


@dataclass(frozen=True)
class ConfigFile:
    """The config file, read and checked: ``profiles`` maps a profile to its keys (``bonuses.max_total``...)."""

    path: Path
    default_profile: Entry | None
    profiles: dict[str, dict[str, Entry]]
    profile_lines: dict[str, int]

    def where(self, line: int, key: str) -> str:
        """``FILE:LINE: KEY``, how every message about a value starts."""
        return f"{self.path}:{line}: {key}"


_HEADER = re.compile(r"^\s*\[\[?\s*(?P<key>[^\[\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY_PART = r"(?:[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')"
_KEY = re.compile(rf"^\s*(?P<key>{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_PART = re.compile(_KEY_PART)


def _parts(key: str) -> tuple[str, ...]:
    return tuple(part[1:-1] if part[:1] in "\"'" else part for part in _PART.findall(key))


@dataclass(frozen=True)
class _Line:
    index: int  # 0-based
    kind: str  # "header" or "key"
    path: tuple[str, ...]  # the table's path (header) or the key's full path
    key: str = ""  # the key as written (a key line)
    end: int = 0  # the value's last line (an array or a string over several lines)


def _depth(text: str) -> tuple[int, str | None]:
    """How many brackets ``text`` leaves open (strings and comments skipped), and the multi-line string
    quotes it leaves open, if any."""
    depth, at = 0, 0
    while at < len(text):
        char = text[at]
        if char == "#":
            break
        if text.startswith(('"""', "'''"), at):
            quotes = text[at : at + 3]
            close = text.find(quotes, at + 3)
            if close < 0:
                return depth, quotes
            at = close + 3
            continue
        if char in "\"'":
            close = at + 1
            while close < len(text) and text[close] != char:
                close += 2 if char == '"' and text[close] == "\\" else 1
            at = close + 1
            continue
        depth += 1 if char in "[{" else -1 if char in "]}" else 0
        at += 1
    return depth, None


def _scan(lines: list[str]) -> list[_Line]:
    """The headers and key lines of a TOML text, each with its full dotted path and the line its value
    ends on (lines inside a multi-line string or array are not keys)."""
    found: list[_Line] = []
    table: tuple[str, ...] = ()
    index = 0
    while index < len(lines):
        line = lines[index]
        header = _HEADER.match(line)
        key = None if header else _KEY.match(line)
        if header:
            table = _parts(header["key"])
            found.append(_Line(index, "header", table, end=index))
        elif key:
            start = index
            depth, quotes = _depth(line[key.end() :])
            while (depth > 0 or quotes) and index + 1 < len(lines):
                index += 1
                if quotes:
                    close = lines[index].find(quotes)
                    if close < 0:
                        continue
                    more, quotes = _depth(lines[index][close + 3 :])
                else:
                    more, quotes = _depth(lines[index])
                depth += more
            found.append(_Line(start, "key", table + _parts(key["key"]), key["key"].strip(), end=index))
        index += 1
    return found


def _line_of(scanned: list[_Line], path: tuple[str, ...]) -> int:
    """The 1-based line of ``path``: its own key line, else the closest enclosing key or table."""
    best, depth = 1, -1
    for item in scanned:
        common = len(item.path) if path[: len(item.path)] == item.path else -1
        if common > depth:
            best, depth = item.index + 1, common
    return best


_TOML_TYPES = {
    str: "a string",
    bool: "a boolean",
    int: "an integer",
    float: "a float",
    dict: "a table",
    list: "an array",
}


def _type_name(value: object) -> str:
    for kind, name in _TOML_TYPES.items():
        if type(value) is kind:
            return name
    return "a date or time"


def read_config(path: Path) -> ConfigFile | None:
    """The config file at ``path``, checked in full; ``None`` when there is none.

    A problem raises :class:`~prolific.ConfigurationError` naming ``FILE:LINE: KEY`` and what to do: a
    TOML syntax error (its line), an unknown key (the closest known one), a value of the wrong type
    (the type wanted), a secret in a file other users can read (the ``chmod`` to run).
    """
    try:
        data = path.read_bytes()
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ConfigurationError(f"{path}: cannot read the config file: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigurationError(f"{path}:{line}: not UTF-8 text; save the file as UTF-8") from None
    return parse_config(text, path, mode)


def parse_config(text: str, path: Path, mode: int | None = None) -> ConfigFile:
    """The config file's ``text`` checked (``mode``: the file's, for the permission checks)."""
    import tomllib  # only when there is a file: ``import prolific`` stays cheap

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(found[1]) if found else text.count("\n") + 1
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        raise ConfigurationError(
            f'{path}:{line}: TOML syntax error: {reason}; fix that line (strings need quotes: key = "value")'
        ) from None
    scanned = _scan(text.splitlines())

    def where(*key: str) -> str:
        return f"{path}:{_line_of(scanned, key)}: {'.'.join(key)}"

    for name in raw:
        if name not in TOP_KEYS:
            hint = did_you_mean(name, TOP_KEYS)
            if name in KEYS_BY_NAME or name in _TABLES:
                hint = f"; a profile's key goes under its table, e.g. [profiles.default] then {name} = ..."
            raise ConfigurationError(f"{where(name)}: unknown key{hint}")
    default = None
    if "default_profile" in raw:
        value = raw["default_profile"]
        if not isinstance(value, str):
            raise ConfigurationError(
                f"{where('default_profile')}: expected a string (a profile's name), got {_type_name(value)}"
            )
        default = Entry(value, _line_of(scanned, ("default_profile",)))
    profiles_raw = raw.get("profiles", {})
    if not isinstance(profiles_raw, dict):
        raise ConfigurationError(
            f"{where('profiles')}: expected a table of profiles ([profiles.NAME]), got {_type_name(profiles_raw)}"
        )
    profiles: dict[str, dict[str, Entry]] = {}
    lines: dict[str, int] = {}
    known = [key.name for key in KEYS]
    for name, body in profiles_raw.items():
        if not isinstance(body, dict):
            raise ConfigurationError(
                f"{where('profiles', name)}: expected a table (a profile: [profiles.{name}]), got {_type_name(body)}"
            )
        flat: dict[str, tuple[str, ...]] = {}
        values: dict[str, object] = {}
        for key, value in body.items():
            if key in _TABLES and isinstance(value, dict):
                for sub, subvalue in value.items():
                    flat[f"{key}.{sub}"] = ("profiles", name, key, sub)
                    values[f"{key}.{sub}"] = subvalue
            else:
                flat[key] = ("profiles", name, key)
                values[key] = value
        entries: dict[str, Entry] = {}
        for key, full in flat.items():
            if key not in KEYS_BY_NAME:
                raise ConfigurationError(
                    f"{where(*full)}: unknown key{did_you_mean(key, known)}; known: {', '.join(known)}"
                )
            line = _line_of(scanned, full)
            entries[key] = Entry(KEYS_BY_NAME[key].parse(values[key], f"{path}:{line}: {'.'.join(full)}"), line)
        if "token" in entries and "token_command" in entries:
            raise ConfigurationError(
                f"{path}:{entries['token_command'].line}: profiles.{name}.token_command: the profile also has a token "
                f"(line {entries['token'].line}); keep one of the two (token_command: the token stays out of the file)"
            )
        profiles[name] = entries
        lines[name] = _line_of(scanned, ("profiles", name))
    config = ConfigFile(path, default, profiles, lines)
    if mode is not None:
        _check_mode(config, mode)
    return config


def _check_mode(config: ConfigFile, mode: int) -> None:
    """A secret in a file others can read, or a command in a file others can change, is refused."""
    if os.name != "posix":
        return  # Windows: no group/other bits to check
    chmod = f"run `chmod 600 {shlex.quote(str(config.path))}`"
    for name, entries in config.profiles.items():
        key, what = "token", "an API token"
        secret = entries.get("token")
        if secret is None and "state_url" in entries and has_password(entries["state_url"].value):
            key, what, secret = "state_url", "a password (in state_url)", entries["state_url"]
        if secret is not None and mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigurationError(
                f"{config.path}:{secret.line}: profiles.{name}.{key}: the file holds {what} and other users can "
                f"read it (mode {stat.S_IMODE(mode):03o}); {chmod} (or move the secret out of the file)"
            )
        command = entries.get("token_command")
        if command is not None and mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise ConfigurationError(
                f"{config.path}:{command.line}: profiles.{name}.token_command: other users can change the file "
                f"(mode {stat.S_IMODE(mode):03o}), and so the command it runs; {chmod}"
            )


# -- the token command --------------------------------------------------------------------------------


def run_token_command(command: tuple[str, ...], origin: str) -> str:
    """Run ``command`` without a shell and return what it printed, stripped.

    Its output is never shown, a failure included (it may hold the token): the message says how it
    failed and to run the command yourself to see why.
    """
    import subprocess

    program = command[0]
    try:
        result = subprocess.run(
            list(command), stdin=subprocess.DEVNULL, capture_output=True, timeout=TOKEN_COMMAND_TIMEOUT, check=False
        )
    except FileNotFoundError:
        raise ConfigurationError(f"{origin}: {program!r} was not found: install it, or give its full path") from None
    except PermissionError:
        raise ConfigurationError(f"{origin}: {program!r} cannot be run (permission denied)") from None
    except subprocess.TimeoutExpired:
        raise ConfigurationError(
            f"{origin}: {program!r} printed no token within {TOKEN_COMMAND_TIMEOUT:.0f} s (is it waiting for input?)"
        ) from None
    except OSError as exc:
        raise ConfigurationError(f"{origin}: {program!r} cannot be run: {exc.strerror or type(exc).__name__}") from None
    see = f"its output is not shown, as it may hold the token: run `{shlex.join(command)}` yourself to see why"
    if result.returncode != 0:
        raise ConfigurationError(f"{origin}: {program!r} failed (exit status {result.returncode}); {see}")
    try:
        token = result.stdout.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise ConfigurationError(f"{origin}: {program!r} printed something that is not UTF-8 text; {see}") from None
    if not token:
        raise ConfigurationError(f"{origin}: {program!r} printed nothing; it should print the API token")
    if "\n" in token:
        raise ConfigurationError(
            f"{origin}: {program!r} printed more than one line; it should print the API token alone "
            "(e.g. `pass show NAME` prints the first line only with `pass show NAME | head -1`: wrap it in a script)"
        )
    return check_token(token, f"{origin}: what {program!r} printed")


# -- writing -----------------------------------------------------------------------------------------

TEMPLATE = """\
# prolific-client settings (see "Settings and profiles" in docs/guides/getting-started.md).
# Which value wins: command-line flags > environment variables > the profile > defaults;
# `prolific-client config show` prints each value and where it came from.
# Keep the API token out of this file: export PROLIFIC_TOKEN, or set token_command.

# The profile used when neither --profile nor $PROLIFIC_PROFILE names one.
default_profile = {profile}

[profiles.{table}]
# base_url = "https://api.prolific.com"            # $PROLIFIC_URL
# workspace_id = "6540a1b2c3d4e5f607182930"         # the default workspace ($PROLIFIC_WORKSPACE_ID)
# project_id = "6540a1b2c3d4e5f607182931"           # the default project ($PROLIFIC_PROJECT_ID)
# token_command = "pass show prolific"              # prints the API token; run without a shell
# state_url = "~/.local/state/prolific-client"     # the state store: a path or a URL ($PROLIFIC_STATE_URL)
# bonuses.max_total = 250.00                        # most one bonus payment may total (major units)
# studies.max_spend = 500.00                        # most a study may cost (major units)
"""


def template(profile: str) -> str:
    """The commented file ``config init`` writes, with ``profile`` as the default profile."""
    return TEMPLATE.format(profile=json.dumps(profile), table=_key_text((profile,)))


def _key_text(parts: tuple[str, ...]) -> str:
    return ".".join(part if _BARE.fullmatch(part) else json.dumps(part) for part in parts)


def toml_value(key: Key | None, value: object) -> str:
    """``value`` as TOML: a number as it is for an amount, else a basic string.

    >>> toml_value(KEYS_BY_NAME["bonuses.max_total"], Decimal("250.00")), toml_value(None, 'a "b"')
    ('250.00', '"a \\\\"b\\\\""')
    """
    if key is not None and not key.quoted:
        text = str(value)
        if re.fullmatch(r"\d+(\.\d+)?", text):
            return text
    return json.dumps(str(value), ensure_ascii=False)


def set_value(text: str, path: tuple[str, ...], value_toml: str) -> str:
    """``text`` with the key at ``path`` (e.g. ``("profiles", "lab", "workspace_id")``) set to ``value_toml``.

    An existing key's line (its lines, for a value over several) is replaced; a new key goes into its
    table (after a commented example of it, as ``config init`` writes them, else after the table's
    last key); a missing profile's table is added at the end. The caller reads the result back.
    """
    lines = text.splitlines()
    scanned = _scan(lines)
    for item in scanned:
        if item.kind == "key" and item.path == path:
            indent = lines[item.index][: len(lines[item.index]) - len(lines[item.index].lstrip())]
            lines[item.index : item.end + 1] = [f"{indent}{item.key} = {value_toml}"]
            return "\n".join(lines) + "\n"
    headers = [item for item in scanned if item.kind == "header"]
    floor = 1 if len(path) == 1 else 2  # a top-level key, or a profile's table at least
    tables = [h for h in headers if floor <= len(h.path) < len(path) and path[: len(h.path)] == h.path]
    if len(path) == 1:
        start, end = -1, headers[0].index if headers else len(lines)
        prefix: tuple[str, ...] = ()
    elif tables:
        table = max(tables, key=lambda h: len(h.path))
        prefix, start = table.path, table.index
        after = [h.index for h in headers if h.index > start]
        end = after[0] if after else len(lines)
    else:
        block = ["", f"[{_key_text(path[:2])}]", f"{_key_text(path[2:])} = {value_toml}"]
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join([*lines, *block]) + "\n"
    key = _key_text(path[len(prefix) :])
    new = f"{key} = {value_toml}"
    example = re.compile(rf"^\s*#\s*{re.escape(key)}\s*=")
    at = None
    for index in range(start + 1, end):
        if example.match(lines[index]):
            at = index + 1
    if at is None:
        keys = [item.end for item in scanned if item.kind == "key" and start < item.index < end]
        if keys:
            at = keys[-1] + 1
        elif len(path) == 1:
            at = end
            new += "\n" if headers else ""
        else:
            at = start + 1
    lines.insert(at, new)
    return "\n".join(lines) + "\n"


def dig(data: Mapping[str, Any], path: tuple[str, ...]) -> object:
    """The value at ``path`` in parsed TOML (a dotted key's parts), or None."""
    value: Any = data
    for part in path:
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def write_config(path: Path, text: str, mode: int) -> None:
    """Replace ``path`` with ``text`` at once (a temporary file renamed over it), with ``mode``."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if os.name == "posix":
                os.fchmod(handle.fileno(), mode)  # os.open's mode passes through the umask
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def create_config(path: Path, text: str) -> None:
    """Create ``path`` with mode 600 holding ``text``; an existing file is never replaced (FileExistsError)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
