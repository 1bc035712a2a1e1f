"""``config init|show|set|profiles``: the config file, its profiles, and where each setting comes from.

Offline: nothing here sends a request or imports httpx. The token is never printed (``***``), and
is written to the file only with ``config set token --insecure-store``.
"""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from typing import Any

from ._argparse import command, group, profile_option
from ._constants import PROFILE_ENV, PROG, TOKEN_ENV
from ._context import Context
from ._errors import EXIT_OK, UsageError

#: How ``config show`` shows a value nobody set.
NOT_SET = "(not set)"


def _profile_for_writing(ctx: Context, config: Any) -> str:
    """The profile ``init``/``set`` write to: ``--profile``, ``$PROLIFIC_PROFILE``, the file's default, ``default``."""
    from prolific._profiles import check_profile_name

    if getattr(ctx.args, "profile", None) is not None:
        return check_profile_name(ctx.args.profile, "--profile")
    if os.environ.get(PROFILE_ENV, "").strip():
        return check_profile_name(os.environ[PROFILE_ENV].strip(), f"${PROFILE_ENV}")
    if config is not None and config.default_profile is not None:
        return str(config.default_profile.value)
    return "default"


def cmd_init(ctx: Context) -> int:
    from prolific._profiles import config_path, create_config, template

    path = config_path()
    profile = _profile_for_writing(ctx, None)
    try:
        create_config(path, template(profile))
    except FileExistsError:
        raise UsageError(
            f"{path} exists; nothing was changed. Change a value with `{PROG} config set KEY VALUE`, or move the "
            "file away to start again"
        ) from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot create the config file: {exc.strerror or exc}") from None
    ctx.out.say(f"created {path} (mode 600) with the profile {profile!r}")
    ctx.out.say(f'next: `{PROG} config set workspace_id ID`, `{PROG} config set token_command "pass show prolific"`')
    ctx.out.result(str(path), {"config_file": str(path), "profile": profile})
    return EXIT_OK


def _shown(name: str, value: object, source: str) -> str:
    from prolific._profiles import hide_password

    if name == "token":
        if value is not None:
            return "***"
        return "*** (from token_command)" if source.startswith("token_command") else NOT_SET
    if value is None:
        return NOT_SET
    if name == "state_url":
        return hide_password(str(value))
    return str(value)


def cmd_show(ctx: Context) -> int:
    from prolific._profiles import KEYS

    settings = ctx.settings(run_token_command=False)
    rows: list[list[object]] = [["profile", settings.profile or NOT_SET, settings.sources["profile"]]]
    data: dict[str, Any] = {"profile": {"value": settings.profile, "source": settings.sources["profile"]}}
    for key in KEYS:
        if not key.attribute:
            continue  # token_command: shown as the token's source
        value = getattr(settings, key.attribute)
        source = settings.sources.get(key.name, "default")
        shown = _shown(key.name, value, source)
        rows.append([key.name, shown, source])
        if key.name == "token":
            data[key.name] = {"value": "***" if value is not None else None, "source": source}
        else:
            plain = shown if value is not None else None
            data[key.name] = {"value": str(plain) if isinstance(value, Decimal) else plain, "source": source}
    file = settings.config_file
    if not ctx.out.as_json:
        from prolific._profiles import config_path

        ctx.out.write(
            f"config file: {file}\n" if file else f"config file: none ({config_path()}; `{PROG} config init`)\n"
        )
    ctx.out.table(["KEY", "VALUE", "SOURCE"], rows, {"config_file": str(file) if file else None, "settings": data})
    return EXIT_OK


def _read_value(ctx: Context) -> str:
    """VALUE, or the first line of stdin for ``-`` (a token typed as an argument lands in the shell history)."""
    value: str = ctx.args.value
    if value == "-":
        line = sys.stdin.readline()
        value = line.rstrip("\r\n")
        if not value:
            raise UsageError("config set: VALUE '-' reads one line from stdin, and it was empty")
    return value


_INSECURE = (
    "refused: a token in a file can be read by every program you run and travels with the file (backups, dotfile "
    f"repositories). Export {TOKEN_ENV}, or let a password manager print it: `{PROG} config set token_command "
    f'"pass show prolific"`. To store it in the file anyway (mode 600): `{PROG} config set token - '
    "--insecure-store` (reads it from stdin, so it stays out of your shell history)"
)


def cmd_set(ctx: Context) -> int:
    import tomllib

    from prolific import ConfigurationError
    from prolific._profiles import (
        KEYS_BY_NAME,
        check_profile_name,
        config_path,
        did_you_mean,
        dig,
        has_password,
        parse_config,
        read_config,
        set_value,
        template,
        toml_value,
        write_config,
    )

    name: str = ctx.args.key
    if name != "default_profile" and name not in KEYS_BY_NAME:
        known = ["default_profile", *KEYS_BY_NAME]
        raise UsageError(f"config set: unknown key {name!r}{did_you_mean(name, known)}; known: {', '.join(known)}")
    if ctx.args.insecure_store and name != "token":
        raise UsageError("config set: --insecure-store is only for the token")
    if name == "token" and not ctx.args.insecure_store:
        raise UsageError(f"config set token: {_INSECURE}")
    value = _read_value(ctx)
    if name == "token":
        ctx.redact.add_token(value)
    path = config_path()
    config = read_config(path)
    profile = _profile_for_writing(ctx, config)
    key = KEYS_BY_NAME.get(name)
    origin = f"config set {name}"
    if key is None:
        parsed: object = check_profile_name(value, origin)
        where: tuple[str, ...] = ("default_profile",)
    else:
        parsed = key.parse(value, origin)
        where = ("profiles", profile, *name.split("."))
    if config is None:
        text, mode = template(profile), 0o600
    else:
        text, mode = path.read_text(encoding="utf-8"), path.stat().st_mode & 0o777
    secret = name == "token" or (name == "state_url" and has_password(value))
    if secret:
        mode = 0o600  # a secret in the file: only its owner may read it (it would be refused otherwise)
    written = toml_value(key, parsed if key is None or not key.quoted else value)
    new = set_value(text, where, written)
    try:
        check = tomllib.loads(new)
        if dig(check, where) != tomllib.loads(f"v = {written}")["v"]:
            raise ValueError("the value did not read back")
        parse_config(new, path)
    except (ValueError, ConfigurationError):
        shown = "<the token>" if name == "token" else written
        table = "the top of the file" if key is None else f"the table [profiles.{profile}]"
        raise UsageError(
            f"{path}: could not change it safely (nothing was written): edit it by hand, under {table}: "
            f"{name} = {shown}"
        ) from None
    write_config(path, new, mode)
    shown = "***" if name == "token" else _shown(name, value, "")
    place = "" if key is None else f"profile {profile}: "
    ctx.out.say(f"{path}: {place}{name} = {shown}" + (" (mode 600)" if secret else ""))
    ctx.out.result(None, {"config_file": str(path), "profile": profile, "key": name, "value": shown})
    return EXIT_OK


def cmd_profiles(ctx: Context) -> int:
    from prolific._profiles import config_path, read_config

    path = config_path()
    config = read_config(path)
    if config is None:
        ctx.out.say(f"no config file ({path}): create it with `{PROG} config init`")
        ctx.out.result(None, {"config_file": None, "default_profile": None, "profiles": []})
        return EXIT_OK
    default = config.default_profile.value if config.default_profile is not None else None
    rows = [
        [name, "yes" if name == default else "", ", ".join(entries) or "(empty)"]
        for name, entries in config.profiles.items()
    ]
    data = {
        "config_file": str(path),
        "default_profile": default,
        "profiles": [{"name": name, "keys": list(entries)} for name, entries in config.profiles.items()],
    }
    ctx.out.table(["PROFILE", "DEFAULT", "KEYS"], rows, data)
    return EXIT_OK


def register(subparsers: Any) -> None:
    """Add ``config`` and its actions to the ``prolific-client`` parser."""
    actions = group(
        subparsers,
        "config",
        help="settings and profiles: the config file (init, show, set, profiles)",
        description="The config file ($XDG_CONFIG_HOME/prolific-client/config.toml, else "
        "~/.config/prolific-client/config.toml) holds profiles: each a base URL, a default workspace and project, "
        "caps (bonuses.max_total, studies.max_spend), the state store (state_url) and how to get the token "
        "(token_command). Which value wins: flags > environment variables > the profile > defaults.",
    )
    init = command(
        actions, "init", cmd_init, online=False,
        help="create the config file (mode 600) with a commented profile",
        description="Create the config file with mode 600 and a commented template for one profile (--profile, "
        "else $PROLIFIC_PROFILE, else 'default'), made the default. An existing file is never replaced.",
    )  # fmt: skip
    profile_option(init)
    command(
        actions, "show", cmd_show,
        help="each setting, its value and where it came from (the token masked)",
        description="Each setting of the profile in use, its value and where it came from: a flag, an environment "
        "variable, the profile (file:line) or the default. The token is never shown, and a token_command is not run.",
    )  # fmt: skip
    setter = command(
        actions, "set", cmd_set, online=False,
        help="set KEY to VALUE in the profile (or default_profile)",
        description="Set KEY to VALUE in the profile (--profile, else $PROLIFIC_PROFILE, else the file's "
        "default_profile), adding the profile or the file if needed; the rest of the file, comments included, is "
        "kept. Keys: default_profile, base_url, workspace_id, project_id, bonuses.max_total, studies.max_spend, "
        "state_url, token_command, token (only with --insecure-store). VALUE '-' reads it from stdin.",
    )  # fmt: skip
    setter.add_argument("key", metavar="KEY", help="e.g. workspace_id, bonuses.max_total, token_command")
    setter.add_argument("value", metavar="VALUE", help="the value ('-': one line from stdin)")
    setter.add_argument(
        "--insecure-store", action="store_true", help="allow storing the API token itself in the file (mode 600)"
    )
    profile_option(setter)
    lister = command(
        actions, "profiles", cmd_profiles, online=False, help="the profiles of the config file",
        description="The profiles of the config file, the default one marked, and the keys each sets.",
    )  # fmt: skip
    profile_option(lister)
