"""The naming rule for client methods (CONTRIBUTING.md, "Naming rule for client methods"), over every group.

Each ``client.<group>`` of ``Prolific`` and ``AsyncProlific`` is its tag's generated operations class
plus, for some tags, the friendly methods of ``prolific.resources``. Checked here, for every group of
both clients: (a) no friendly method has a generated method's name or hides one; (b) the sync and
async twins have the same public names and signatures, and the async methods are coroutine
functions except the iterators, plain methods returning async iterators; (c) listings are
``list_<things>`` (a list) or ``iter_<things>`` (an iterator), never a bare noun; and the deprecated
old names warn, call their new name and are in the CHANGELOG.
"""

from __future__ import annotations

import inspect
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from prolific import AsyncProlific, InvalidArgumentError, Prolific
from prolific_api_client.operations import TAGS, Operation

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "tok-naming-rule-5d1e"
OFFLINE = "http://127.0.0.1:9"  # nothing here sends a request
STUDY = "6540a1b2c3d4e5f6a7b8c9d0"


@pytest.fixture(scope="module")
def clients() -> Iterator[tuple[Prolific, AsyncProlific]]:
    sync, other = Prolific(token=TOKEN, base_url=OFFLINE), AsyncProlific(token=TOKEN, base_url=OFFLINE)
    yield sync, other
    sync.close()


def generated_class(group: object) -> type:
    """The tag's generated ``<Tag>Operations`` class in the group's bases."""
    [cls] = [c for c in type(group).__mro__ if c.__module__ in {f"prolific_api_client.operations.{t}" for t in TAGS}]
    return cls


def generated(group: object) -> set[str]:
    """The generated methods' names: one per operation of the tag."""
    cls = generated_class(group)
    return {name for name, value in vars(cls).items() if isinstance(getattr(value, "operation", None), Operation)}


def friendly(group: object) -> dict[str, Any]:
    """The public names the overlay adds to the group (deprecated old names included), with their values."""
    found: dict[str, Any] = {}
    for cls in reversed(type(group).__mro__):
        if cls.__module__.startswith("prolific.") and not cls.__module__.startswith("prolific_api_client"):
            found.update({name: value for name, value in vars(cls).items() if not name.startswith("_")})
    return found


def deprecated(group: object) -> dict[str, Any]:
    """The deprecated old names of the group (PEP 702's ``__deprecated__``), with their aliases."""
    return {name: value for name, value in friendly(group).items() if hasattr(value, "__deprecated__")}


def public(group: object) -> set[str]:
    return {name for name in dir(type(group)) if not name.startswith("_")}


def groups(clients: tuple[Prolific, AsyncProlific]) -> Iterator[tuple[str, object, object]]:
    sync, other = clients
    for tag in TAGS:
        yield tag, getattr(sync, tag), getattr(other, tag)


# --- (a) a friendly method never hides a generated one ---------------------------------------------


def test_every_tag_is_a_group_of_both_clients_built_on_its_generated_class(clients) -> None:
    for tag, sync, other in groups(clients):
        assert generated_class(sync).__name__ == "".join(w.capitalize() for w in tag.split("_")) + "Operations"
        assert generated_class(other).__name__ == "Async" + generated_class(sync).__name__
        assert generated(sync) and generated(sync) == generated(other), tag


def test_no_friendly_method_has_a_generated_methods_name_or_hides_one(clients) -> None:
    # Nor is it a second, undeprecated name of another method (as `return_` was).
    for tag, sync, other in groups(clients):
        for group in (sync, other):
            clash = generated(group) & set(friendly(group))
            assert not clash, f"client.{tag}: friendly methods named like generated ones: {sorted(clash)}"
            cls = generated_class(group)
            methods = [value for name, value in friendly(group).items() if name not in deprecated(group)]
            assert len({id(m) for m in methods}) == len(methods), f"client.{tag}: one name per method"
            assert not {id(m) for m in methods} & {id(vars(cls)[n]) for n in generated(group)}, tag
            for name in generated(group):  # what the group answers for the name is the generated method
                assert inspect.getattr_static(type(group), name) is vars(cls)[name], f"client.{tag}.{name} is hidden"
                assert getattr(group, name).operation.tag == tag


# --- (b) sync and async twins ----------------------------------------------------------------------


def _without_awaitable(text: str) -> str:
    """``Awaitable[X]`` -> ``X`` wherever it appears (brackets matched)."""
    while (start := text.find("Awaitable[")) >= 0:
        depth, end = 0, start + len("Awaitable")
        for end in range(start + len("Awaitable"), len(text)):
            depth += {"[": 1, "]": -1}.get(text[end], 0)
            if depth == 0:
                break
        text = text[:start] + text[start + len("Awaitable[") : end] + text[end + 1 :]
    return text


def plain(annotation: object) -> str:
    """An annotation as the sync twin writes it: ``AsyncIterator`` -> ``Iterator``, ``Awaitable[X]`` -> ``X``."""
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return re.sub(r"\bAsync(?=[A-Z])", "", _without_awaitable(text))


def _default(value: object) -> object:
    # A sync default and its async twin (time.sleep, asyncio.sleep) have the same name.
    return getattr(value, "__qualname__", value) if callable(value) else value


def signature(method: Any) -> tuple[tuple[str, str, object, str], ...]:
    """The parameters (name, kind, default, annotation) and the return annotation, modulo async."""
    sig = inspect.signature(method)
    parameters = tuple((p.name, p.kind.name, _default(p.default), plain(p.annotation)) for p in sig.parameters.values())
    return (*parameters, ("return", "", None, plain(sig.return_annotation)))


def returns_iterator(method: Any, prefix: str = "") -> bool:
    return str(inspect.signature(method).return_annotation).startswith(f"{prefix}Iterator[")


def test_sync_and_async_twins_have_the_same_public_names(clients) -> None:
    for tag, sync, other in groups(clients):
        assert public(sync) == public(other), f"client.{tag}: {sorted(public(sync) ^ public(other))}"


def test_sync_and_async_twins_have_the_same_signatures(clients) -> None:
    for tag, sync, other in groups(clients):
        for name in sorted(public(sync)):
            assert signature(getattr(sync, name)) == signature(getattr(other, name)), f"client.{tag}.{name}"


def test_every_async_method_is_awaited_except_the_iterators(clients) -> None:
    """Every group method does I/O (the API, or the bonus journal on disk): awaited, or iterated with ``async for``.

    ``AsyncBonuses.status`` reads only the local journal, and is a coroutine all the same: in async
    code every ``client.<group>`` method is awaited (the rule has no exception).
    """
    for tag, sync, other in groups(clients):
        for name in sorted(public(sync)):
            method, twin = getattr(sync, name), getattr(other, name)
            assert not inspect.iscoroutinefunction(method), f"Prolific().{tag}.{name} is a coroutine function"
            if returns_iterator(method):
                assert not inspect.iscoroutinefunction(twin), f"AsyncProlific().{tag}.{name}: iterate it, no await"
                assert returns_iterator(twin, "Async"), f"AsyncProlific().{tag}.{name} returns an async iterator"
            else:
                assert inspect.iscoroutinefunction(twin), f"AsyncProlific().{tag}.{name} is not a coroutine function"


def test_the_clients_themselves_are_twins(clients) -> None:
    sync, other = clients
    names = {n for n in dir(Prolific) if not n.startswith("_")} - {"close"}
    assert names == {n for n in dir(AsyncProlific) if not n.startswith("_")} - {"aclose"}
    for name in ("paginate", "with_raw_response"):
        assert signature(getattr(sync, name))[:-1] == signature(getattr(other, name))[:-1]
    assert inspect.iscoroutinefunction(other.with_raw_response) and inspect.isasyncgenfunction(other.paginate)


async def test_bonuses_status_is_awaited_on_the_async_client_and_reads_the_same_journal(tmp_path: Path) -> None:
    rows = f"{STUDY[:-2]}aa,1.50\n{STUDY[:-2]}bb,2.00\n"
    journal = tmp_path / "bonuses.sqlite3"
    with Prolific(token=TOKEN, base_url=OFFLINE) as sync:
        expected = sync.bonuses.status(STUDY, rows, journal=journal)
    async with AsyncProlific(token=TOKEN, base_url=OFFLINE) as other:
        assert await other.bonuses.status(STUDY, rows, journal=journal) == expected
    assert [batch.count for batch in expected] == [2]


# --- (c) listings ----------------------------------------------------------------------------------


def listing_nouns(group: object) -> set[str]:
    """The nouns of the tag's list operations (``get_participant_group_participants`` -> ``participants``, ...).

    A friendly method named by one of them alone reads as a listing without saying which kind.
    """
    nouns: set[str] = set()
    for name in generated(group):
        operation = getattr(group, name).operation
        if operation.pagination is None and not name.startswith("list_"):
            continue
        words = name.split("_")[1:]
        nouns |= {"_".join(words[i:]) for i in range(len(words))}
    return nouns


def test_listings_are_list_or_iter_with_what_they_list(clients) -> None:
    for tag, sync, _ in groups(clients):  # the async names and kinds are the same (above)
        old = set(deprecated(sync))
        for name in sorted(set(friendly(sync)) - old):
            method = getattr(sync, name)
            where = f"client.{tag}.{name}"
            assert name not in ("list", "iter"), f"{where}: say what it lists (list_<things>, iter_<things>)"
            assert name not in listing_nouns(sync), f"{where}: a listing is list_{name} or iter_{name}"
            assert name.startswith("iter_") == returns_iterator(method), f"{where}: iter_ <=> returns an iterator"
            if name.startswith("list_"):
                assert re.match(r"(builtins\.)?list\[", str(inspect.signature(method).return_annotation)), where


# --- deprecated old names --------------------------------------------------------------------------


def test_every_deprecated_name_names_a_method_of_its_group_and_is_in_the_changelog(clients) -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    deprecated_section = changelog.split("### Deprecated", 1)[1].split("\n## ", 1)[0]
    seen = 0
    for tag, sync, other in groups(clients):
        assert set(deprecated(sync)) == set(deprecated(other)), tag
        for name, alias in deprecated(sync).items():
            new = alias.__wrapped__.__name__
            assert new in friendly(sync) and new not in deprecated(sync), f"client.{tag}.{name} -> {new}"
            assert f"client.{tag}.{name}`" in deprecated_section, f"CHANGELOG ### Deprecated: client.{tag}.{name}"
            seen += 1
    assert seen  # the rule test would pass vacuously if the aliases could not be told apart


async def test_a_deprecated_name_warns_then_calls_the_new_method_with_the_same_arguments(
    clients, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Any, ...]] = []

    def record(*args: Any, **kwargs: Any) -> str:
        calls.append((args, kwargs))
        return "answer"

    async def arecord(*args: Any, **kwargs: Any) -> str:
        return record(*args, **kwargs)

    for tag, sync, other in groups(clients):
        for name, alias in deprecated(sync).items():
            new = alias.__wrapped__.__name__
            calls.clear()
            coroutine = inspect.iscoroutinefunction(getattr(other, new))
            monkeypatch.setattr(sync, new, record)
            monkeypatch.setattr(other, new, arecord if coroutine else record)
            message = rf"{name}\(\) is deprecated, use {new}\(\)"
            with pytest.warns(DeprecationWarning, match=message):
                assert getattr(sync, name)(STUDY, flag=True) == "answer"
            with pytest.warns(DeprecationWarning, match=message):
                result = getattr(other, name)(STUDY, flag=True)
                assert (await result if coroutine else result) == "answer"
            assert calls == [((STUDY,), {"flag": True})] * 2, f"client.{tag}.{name}"


def test_a_deprecated_name_warns_where_it_is_called(clients) -> None:
    sync, _ = clients
    with warnings.catch_warnings(record=True) as caught, pytest.raises(InvalidArgumentError, match="study_id"):
        warnings.simplefilter("always")
        sync.submissions.list("not-an-id")  # refused before sending: the alias ran the method
    [warning] = [w for w in caught if w.category is DeprecationWarning]
    assert warning.filename == __file__


def test_the_generated_and_friendly_forms_are_told_apart_by_name(clients) -> None:
    # The examples the rule gives: the short name is the checked form of the operation, never a second spelling.
    sync, _ = clients
    pairs = {
        ("participant_groups", "create"): "create_participant_group",
        ("participant_groups", "get"): "get_participant_group",
        ("invitations", "create"): "create_invitation",
        ("messages", "send"): "send_message",
        ("credentials", "create_pool"): "create_credential_pool",
        ("submissions", "request_return"): "request_submission_return",
    }
    for (tag, short), operation_name in pairs.items():
        group = getattr(sync, tag)
        assert short in friendly(group) and operation_name in generated(group)
        assert not hasattr(getattr(group, short), "operation")  # friendly: no single operation attached
