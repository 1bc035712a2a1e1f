"""Settings and profiles: each value from an argument or flag, else the environment, else the profile, else its default.

The profile is a table of the config file (:func:`prolific._profiles.config_path`), chosen by
``profile=`` (``--profile``), else ``$PROLIFIC_PROFILE``, else the file's ``default_profile``. The
token comes from an argument, ``$PROLIFIC_TOKEN``, the profile's ``token_command`` (a command that
prints it) or, if the user insisted, the profile's ``token``; it is never shown.

Other parts of the client read their defaults from :class:`Settings` (``workspace_id``,
``project_id``, ``max_total``, ``max_spend``, ``state_url``): a client has them as
``client.settings``, a command as ``ctx.settings()``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from ._config import DEFAULT_BASE_URL, PROFILE_ENV, TOKEN_ENV
from ._errors import ConfigurationError
from ._profiles import (
    INIT_COMMAND,
    KEYS,
    ConfigFile,
    Entry,
    check_profile_name,
    config_path,
    did_you_mean,
    hide_password,
    read_config,
    run_token_command,
)

#: The source of a value nobody set.
DEFAULT = "default"


@dataclass(frozen=True, repr=False)
class Settings:
    """The settings a client or command uses, each resolved: flags > environment > profile > defaults.

    A frozen value: ``profile`` (the profile used, or None), ``base_url``, the defaults other calls
    take (``workspace_id``, ``project_id``), the caps in major units (``max_total``: the most one
    bonus payment may total; ``max_spend``: the most a study may cost), ``state_url`` (the state
    store: a path or a URL, as written), ``token`` (None when none was found; never shown: its repr
    is ``'***'``), ``sources`` (``"profile"`` and each key, as the file names it, -> where its value came
    from: ``default``, a flag or argument, ``$VARIABLE``, ``profile NAME (FILE:LINE)``) and
    ``config_file`` (the file read, or None).

    >>> Settings(token="tok-123456", workspace_id="ws1")
    Settings(profile=None, base_url='https://api.prolific.com', workspace_id='ws1', project_id=None, \
max_total=None, max_spend=None, state_url=None, token='***')
    """

    profile: str | None = None
    base_url: str = DEFAULT_BASE_URL
    workspace_id: str | None = None
    project_id: str | None = None
    max_total: Decimal | None = None
    max_spend: Decimal | None = None
    state_url: str | None = None
    token: str | None = field(default=None, compare=False)
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)
    config_file: Path | None = None

    def __repr__(self) -> str:
        shown = [
            f"{name}={getattr(self, name)!r}"
            for name in ("profile", "base_url", "workspace_id", "project_id", "max_total", "max_spend")
        ]
        state = None if self.state_url is None else hide_password(self.state_url)
        shown += [f"state_url={state!r}", f"token={None if self.token is None else '***'!r}"]
        return f"Settings({', '.join(shown)})"


def load_settings(
    profile: str | None = None,
    *,
    token: str | None = None,
    base_url: str | None = None,
    workspace_id: str | None = None,
    project_id: str | None = None,
    max_total: Decimal | int | float | str | None = None,
    max_spend: Decimal | int | float | str | None = None,
    state_url: str | None = None,
) -> Settings:
    """The settings of ``profile`` (else ``$PROLIFIC_PROFILE``, else the file's ``default_profile``).

    Each argument given wins over the environment (``PROLIFIC_TOKEN``, ``PROLIFIC_URL``,
    ``PROLIFIC_WORKSPACE_ID``, ``PROLIFIC_PROJECT_ID``, ``PROLIFIC_BONUSES_MAX_TOTAL``,
    ``PROLIFIC_STUDIES_MAX_SPEND``, ``PROLIFIC_STATE_URL``), which wins over the profile, which
    wins over the defaults. The profile's ``token_command`` runs only when no argument or variable
    gives the token. A bad file, variable or argument raises :class:`~prolific.ConfigurationError`
    naming where (``FILE:LINE: KEY``) and what to write.

    >>> settings = load_settings(profile="lab")  # doctest: +SKIP
    >>> settings.workspace_id, settings.max_total, settings.sources["workspace_id"]  # doctest: +SKIP
    ('6540a1b2c3d4e5f607182930', Decimal('250.00'), 'profile lab (/home/you/.config/prolific-client/config.toml:9)')
    """
    given = {
        "token": token,
        "base_url": base_url,
        "workspace_id": workspace_id,
        "project_id": project_id,
        "bonuses.max_total": max_total,
        "studies.max_spend": max_spend,
        "state_url": state_url,
    }
    labels = {name: f"argument {name.rpartition('.')[2]}" for name in given}
    labels["token"] = "the token argument"
    return resolve(profile, "argument profile", {name: (value, labels[name]) for name, value in given.items()})


def resolve(
    profile: str | None,
    profile_label: str,
    explicit: Mapping[str, tuple[object, str]],
    environ: Mapping[str, str] | None = None,
    *,
    run_command: bool = True,
) -> Settings:
    """The settings from ``explicit`` values (key -> (value or None, where it came from, e.g. ``--base-url``)),
    the environment, the profile and the defaults. ``run_command=False``: the token_command is not run
    (``config show``), its source says so."""
    environ = os.environ if environ is None else environ
    path = config_path(environ)
    config = read_config(path)
    name, entries, profile_source = _profile(config, path, profile, profile_label, environ)
    values: dict[str, object] = {}
    sources: dict[str, str] = {"profile": profile_source}
    for key in KEYS:
        if not key.attribute:
            continue
        value, label = explicit.get(key.name, (None, ""))
        env = environ.get(key.env) if key.env else None
        if env is not None and not env.strip() and key.name != "token":
            env = None  # an empty variable is unset (an empty token is refused below, as it always was)
        entry = entries.get(key.name)
        if value is not None:
            values[key.attribute], sources[key.name] = key.parse(value, label), label
        elif env is not None:
            if key.name == "token":  # checked as it is: surrounding whitespace is refused, never trimmed
                values["token"] = key.parse(env, f"the {TOKEN_ENV} environment variable")
            else:
                values[key.attribute] = key.parse(env.strip(), f"${key.env}")
            sources[key.name] = f"${key.env}"
        elif entry is not None:
            assert config is not None
            values[key.attribute], sources[key.name] = entry.value, f"profile {name} ({config.path}:{entry.line})"
        else:
            sources[key.name] = DEFAULT
    command = entries.get("token_command")
    if "token" not in values and command is not None:
        assert config is not None
        origin = f"{config.path}:{command.line}: profiles.{name}.token_command"
        where = f"token_command of profile {name} ({config.path}:{command.line})"
        if run_command:
            values["token"] = run_token_command(command.value, origin)
            sources["token"] = where
        else:
            sources["token"] = f"{where}, run when a command needs the token"
    return Settings(
        profile=name,
        sources=MappingProxyType(sources),
        config_file=config.path if config is not None else None,
        **values,  # type: ignore[arg-type]  # each key's rule gave its attribute's type
    )


def _profile(
    config: ConfigFile | None, path: Path, profile: str | None, label: str, environ: Mapping[str, str]
) -> tuple[str | None, dict[str, Entry], str]:
    """The profile's name, entries and source: ``profile``, else ``$PROLIFIC_PROFILE``, else ``default_profile``.

    ``label`` names where ``profile`` came from (``--profile``): messages start with it.
    """
    source = label
    if profile is None and environ.get(PROFILE_ENV, "").strip():
        profile, label = environ[PROFILE_ENV].strip(), f"${PROFILE_ENV}"
        source = label
    if profile is not None:
        check_profile_name(profile, label)
    elif config is not None and config.default_profile is not None:
        profile = config.default_profile.value
        label = f"{config.path}:{config.default_profile.line}: default_profile"
        source = f"default_profile ({config.path}:{config.default_profile.line})"
    if profile is None:
        return None, {}, DEFAULT
    if config is None:
        raise ConfigurationError(
            f"{label}: profile {profile!r} asked for, but there is no config file ({path}): create it with "
            f"`{INIT_COMMAND} --profile {profile}`"
        )
    if profile not in config.profiles:
        names = sorted(config.profiles)
        have = f"its profiles: {', '.join(names)}" if names else "it has no profile yet"
        raise ConfigurationError(
            f"{label}: no profile {profile!r} in {config.path}{did_you_mean(profile, names)} ({have}); add a "
            f"[profiles.{profile}] table, or `prolific-client config set --profile {profile} KEY VALUE`"
        )
    return profile, dict(config.profiles[profile]), source


def missing_token(settings: Settings, *, flag: str = "token=...") -> str:
    """Why there is no token and the ways to give one (for the client's and the command line's error)."""
    where = f" or a token_command in profile {settings.profile}" if settings.profile else ""
    return (
        f"no Prolific API token: set the {TOKEN_ENV} environment variable{where} (or pass {flag}); "
        f"a token_command in a profile of {settings.config_file or config_path()} runs a password manager's "
        "command for it. Create a token in the Prolific app under Settings > API tokens"
    )
