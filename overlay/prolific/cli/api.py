"""``api``: any operation of the API from the command line, like ``gh api``.

``prolific-client api OPERATION_ID [NAME=VALUE ...] [--body JSON | --body @FILE]`` calls the generated
method of that operation through the client's send path (Token auth, the retry policy, the typed
errors) and prints the response body as the server sent it: JSON
pretty-printed in the server's key order, any other text (a CSV report) as is, nothing for an empty
body. With ``--json`` stdout is always one JSON document: a text body becomes a JSON string and an
empty body ``null``. ``api --list [TAG]`` lists the operations, each with its Python name
(``client.studies.get_study``): the method to call from Python.

Everything comes from the generated registry (``prolific_api_client.operations.OPERATIONS``) and
each operation's generated signature: no path, method or parameter is written here.

httpx, the client and the generated registry are imported inside the functions: declaring the
command (``register``) for ``--help`` loads none of them.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import typing
from typing import TYPE_CHECKING, Any

from ._argparse import Subparsers, command
from ._constants import PROG
from ._context import Context
from ._errors import EXIT_OK, UsageError
from ._input import read_text

if TYPE_CHECKING:
    import httpx

    from prolific_api_client.operations import Operation

    from ._values import BodySpec, Signature


def find_operation(word: str) -> Operation[Any]:
    """The operation named ``word``: its operationId in kebab (``get-study``) or snake (``get_study``) case."""
    from prolific_api_client.operations import OPERATIONS

    key = word.strip().lower().replace("_", "-")
    operation = OPERATIONS.get(key)
    if operation is not None:
        return operation
    close = difflib.get_close_matches(key, list(OPERATIONS), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise UsageError(f"unknown operation {word!r}{hint}; `{PROG} api --list` lists every operation")


def cmd_api(ctx: Context) -> int:
    from ._values import signature

    args = ctx.args
    if args.list is not None:
        if args.operation is not None or args.params or args.body is not None:
            raise UsageError("--list takes no OPERATION_ID, NAME=VALUE or --body (give a TAG to filter)")
        return _list(ctx, args.list)
    if args.operation is None:
        raise UsageError(f"give an OPERATION_ID (e.g. `{PROG} api get-study id=...`), or --list to see them all")
    operation = find_operation(args.operation)
    sig = signature(operation.endpoint.sync_detailed, operation.path_parameters)
    arguments = _arguments(operation, sig, args.params)
    if args.body is not None or (sig.body is not None and sig.body.required):
        body = _body(ctx, operation, sig.body, args.body)
        arguments["body"] = body
    from prolific import APIResponseValidationError

    with ctx.client() as client:
        # The client's send path (retries, typed errors), through the operation's own method.
        method = getattr(getattr(client, operation.tag), operation.name)
        problem: BaseException | None = None
        try:
            response = client.with_raw_response(method, **arguments).http_response
        except APIResponseValidationError as exc:  # a 2xx the generated parser did not expect
            response, problem = exc.response, exc.__cause__ or exc
        if problem is not None:
            ctx.out.say(
                f"note: {response.status_code} answer of {operation.operation_id} is not what the spec documents "
                f"({type(problem).__name__}); printed as received"
            )
        _print_body(ctx, response)
    return EXIT_OK


def _arguments(operation: Operation[Any], sig: Signature, words: list[str]) -> dict[str, Any]:
    """``NAME=VALUE`` words as the generated function's keyword arguments, converted and checked."""
    from ._values import convert

    name_of = operation.operation_id
    params = sig.parameters
    given: dict[str, list[str]] = {}
    for word in words:
        name, equals, text = word.partition("=")
        name = name.strip().replace("-", "_")
        if not equals or not name:
            raise UsageError(_bare_value(operation, sig, word, given))
        if name not in params:
            raise UsageError(_unknown_parameter(operation, sig, name))
        given.setdefault(name, []).append(text)
    arguments: dict[str, Any] = {}
    for name, texts in given.items():
        param = params[name]
        if len(texts) > 1 and not param.many:
            raise UsageError(f"{name_of}: {name} given {len(texts)} times; it takes one value")
        if param.where == "path" and not all(text.strip() for text in texts):
            raise UsageError(f"{name_of}: {name} is empty; a path parameter needs a value ({operation.path})")
        try:
            if param.many:
                item = param.annotation.__args__[0] if getattr(param.annotation, "__args__", ()) else str
                arguments[name] = [convert(text, item) for text in texts]
            else:
                arguments[name] = convert(texts[0], param.annotation)
        except ValueError as exc:
            raise UsageError(f"{name_of}: {name}: {exc}") from None
    missing = [p for p in params.values() if p.required and p.name not in arguments]
    if missing:
        listed = ", ".join(p.describe() for p in missing)
        example = " ".join(f"{p.name}=..." for p in missing)
        raise UsageError(f"{name_of}: missing required parameter{'s' if len(missing) > 1 else ''} {listed}: "
                         f"`{PROG} api {name_of} {example}`")  # fmt: skip
    return arguments


def _bare_value(operation: Operation[Any], sig: Signature, word: str, given: dict[str, list[str]]) -> str:
    """The message for a word without ``=``: most likely the value of the first path parameter not given yet."""
    name_of = operation.operation_id
    if word.strip().replace("-", "_") in sig.parameters:  # the name without its value
        name = word.strip().replace("-", "_")
        return f"{name_of}: expected NAME=VALUE, got {word!r}: give {name} a value (`{PROG} api {name_of} {name}=...`)"
    waiting = [p.name for p in sig.parameters.values() if p.where == "path" and p.name not in given]
    if waiting and word.strip():
        fixed = f"{waiting[0]}={word}"
        return f"{name_of}: parameters are NAME=VALUE; did you mean {fixed!r}? (`{PROG} api {name_of} {fixed}`)"
    names = ", ".join(sig.parameters) or "none"
    return f"{name_of}: expected NAME=VALUE, got {word!r} (parameters: {names})"


def operation_help(operation: Operation[Any]) -> str:
    """``api OPERATION --help``: the operation's method, path, parameters and body fields, required ones marked."""
    from ._values import signature

    sig = signature(operation.endpoint.sync_detailed, operation.path_parameters)
    lines = [
        f"usage: {PROG} api {operation.operation_id} [NAME=VALUE ...]" + (" --body JSON|@FILE" if sig.body else ""),
        "",
        f"{operation.method} {operation.path}" + (f": {operation.summary}" if operation.summary else ""),
        "",
        "parameters (NAME=VALUE):" if sig.parameters else "parameters: none",
    ]
    lines += [f"  {p.describe()}" for p in sig.parameters.values()]
    if sig.body is not None:
        lines += ["", f"body (--body, {'required' if sig.body.required else 'optional'}): {sig.body.describe()}"]
        for member in sig.body.members():
            lines += [f"  {field}" for field in _body_fields(member)]
    return "\n".join(lines) + "\n"


def _body_fields(model: Any) -> list[str]:
    """``name (type, required)`` for each documented field of a body model (attrs), in declaration order."""
    import attrs  # the attrs models are loaded already; the import only names NOTHING

    from ._values import _strip_unset, type_name

    try:
        hints = typing.get_type_hints(model)
    except Exception:  # an annotation that does not resolve: show the field without its type
        hints = {}
    described = []
    for field in getattr(model, "__attrs_attrs__", ()):
        if field.name == "additional_properties":
            continue
        if field.name in hints:
            notes = [type_name(_strip_unset(hints[field.name]))]
        else:  # the model's annotation as written, without the "not given" marker
            written = str(field.type or "").replace(" | Unset", "").replace("Unset | ", "")
            notes = [written] if written else []
        if field.default is attrs.NOTHING:
            notes.append("required")
        described.append(f"{field.name} ({', '.join(notes)})" if notes else field.name)
    return described


class _OperationHelp(argparse._HelpAction):
    """``--help`` of ``api``: the operation's own help when an OPERATION_ID came first, else the command's."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, *args: Any) -> None:
        word = getattr(namespace, "operation", None)
        if word:
            try:
                text = operation_help(find_operation(word))
            except UsageError as exc:
                parser.exit(2, f"{exc}\n")
            sys.stdout.write(text)
            parser.exit(0)
        parser.print_help()
        parser.exit()


def install_operation_help(parser: argparse.ArgumentParser) -> None:
    """Make ``api OPERATION --help`` describe that operation (argparse's help knows only the command)."""
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.__class__ = _OperationHelp


def _unknown_parameter(operation: Operation[Any], sig: Signature, name: str) -> str:
    name_of = operation.operation_id
    if name == "body" and sig.body is not None:
        return f"{name_of}: the request body is given with --body JSON or --body @file.json, not body="
    if not sig.parameters:
        body = " (its request body goes in --body)" if sig.body is not None else ""
        return f"{name_of}: unknown parameter {name!r}: {name_of} takes no parameters{body}"
    close = difflib.get_close_matches(name, list(sig.parameters), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]}?)" if close else ""
    valid = ", ".join(p.describe() for p in sig.parameters.values())
    return f"{name_of}: unknown parameter {name!r}{hint}; valid parameters: {valid}"


def _body(ctx: Context, operation: Operation[Any], spec: BodySpec | None, given: str | None) -> Any:
    """The ``--body`` (inline JSON, ``@FILE`` or ``@-``) as the operation's body type."""
    from ._values import body_value, parse_json

    name_of = operation.operation_id
    if spec is None:
        raise UsageError(f"{name_of} takes no request body ({operation.method} {operation.path}): drop --body")
    if given is None:
        raise UsageError(f"{name_of} needs a request body: --body JSON or --body @file.json{_fields_hint(spec)}")
    if given.startswith("@"):
        label, text = read_text(given[1:], "request body")
    else:
        label, text = "--body", given
    if spec.is_text:
        return text
    try:
        data = parse_json(text)
    except ValueError as exc:
        raise UsageError(f"{label}: {exc}") from None
    _redact_passwords(ctx, data)
    try:
        value = body_value(data, spec.annotation)
    except ValueError as exc:
        raise UsageError(f"{label}: {exc}{_fields_hint(spec)}") from None
    if isinstance(data, dict):
        _check_fields(ctx, label, value, data)
    return value


def _fields_hint(spec: BodySpec) -> str:
    """`` (CreateCredentialPoolRequest: credentials, workspace_id)``, or the body's type."""
    from ._values import field_names

    members = spec.members()
    if all(field_names(member) for member in members):
        return " (" + "; or ".join(f"{m.__name__}: {', '.join(field_names(m))}" for m in members) + ")"
    return f" ({spec.describe()})"


def _check_fields(ctx: Context, label: str, model: Any, data: dict[str, Any]) -> None:
    """A misspelt field is not silently dropped: an error if the model drops it, a note if it is sent."""
    from ._values import field_names, unknown_fields

    unknown = unknown_fields(model, data)
    if not unknown:
        return
    names = field_names(type(model))
    close = {key: difflib.get_close_matches(key, names, n=1, cutoff=0.7) for key in unknown}
    listed = ", ".join(repr(key) + (f" (did you mean {close[key][0]}?)" if close[key] else "") for key in unknown)
    what = f"not a documented field of {type(model).__name__}"
    if isinstance(getattr(model, "additional_properties", None), dict):
        ctx.out.say(f"note: {label}: {listed}: {what}; sent as given")
    else:
        raise UsageError(f"{label}: {listed}: {what} (fields: {', '.join(names)})")


def _redact_passwords(ctx: Context, data: Any) -> None:
    """A credentials body's passwords join the redactor before anything can be printed."""
    if isinstance(data, dict) and isinstance(data.get("credentials"), str):
        ctx.redact.add_passwords(line.partition(",")[2] for line in data["credentials"].splitlines())


def _print_body(ctx: Context, response: httpx.Response) -> None:
    out = ctx.out
    content = response.content
    if not content:
        if out.as_json:
            out.stdout.write("null\n")
            out.stdout.flush()
        return
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if not kind or kind == "application/json" or kind.endswith("+json"):
        try:
            data = json.loads(content)
        except ValueError:
            pass
        else:
            out.stdout.write(out.redact(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")
            out.stdout.flush()
            return
    text = response.text
    if out.as_json:
        out.stdout.write(out.redact(json.dumps(text, ensure_ascii=False)) + "\n")
    else:
        out.stdout.write(out.redact(text))
    out.stdout.flush()


def _python_name(op: Operation[Any]) -> str:
    """``client.studies.get_study``: where the operation is in Python (a client's group is its tag)."""
    return f"client.{op.tag}.{op.name}"


def _list(ctx: Context, tag: str) -> int:
    from prolific_api_client.operations import OPERATIONS

    operations = sorted(OPERATIONS.values(), key=lambda op: op.operation_id)
    if tag:
        wanted = tag.strip().lower().replace("-", "_")
        tags = sorted({op.tag for op in operations})
        if wanted not in tags:
            close = difflib.get_close_matches(wanted, tags, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise UsageError(f"unknown tag {tag!r}{hint}; tags: {', '.join(tags)}")
        operations = [op for op in operations if op.tag == wanted]
    data = [
        {
            "operation_id": op.operation_id,
            "method": op.method,
            "path": op.path,
            "tag": op.tag,
            "summary": op.summary,
            "python": _python_name(op),
            "path_parameters": list(op.path_parameters),
            "query_parameters": list(op.query_parameters),
            "has_body": op.has_body,
        }
        for op in operations
    ]
    rows = [(op.operation_id, op.method, op.path, _python_name(op), op.summary) for op in operations]
    widths = [max((len(row[column]) for row in rows), default=0) for column in range(4)]
    lines = ["  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[4]]).rstrip()
             for row in rows]  # fmt: skip
    ctx.out.result("\n".join(lines), data)
    return EXIT_OK


def register(subparsers: Subparsers) -> None:
    """Add ``api``."""
    api = command(
        subparsers,
        "api",
        cmd_api,
        help="call any operation of the API by its operationId, like `gh api`; --list lists them",
        description="Call any operation of the Prolific API and print the response body: JSON pretty-printed as "
        "the server sent it, other text (a CSV report) as is, nothing for an empty body. With --json stdout is "
        "always one JSON document (a text body as a JSON string, an empty body as null). Path and query "
        "parameters are NAME=VALUE words, converted by the operation's generated signature.",
        epilog="Values: text as given; numbers; booleans as true or false; UUIDs and ISO dates as written; an "
        "enumeration must be one of its values; a list parameter takes one item per NAME=VALUE (repeat it, commas "
        "are not split). --body is JSON (inline, @FILE, or @- for stdin) turned into the operation's body model: "
        "bad JSON or a body that does not fit (a missing field, a value outside an enumeration) is exit 2 with "
        f"the reason. Examples: `{PROG} api --list studies`, `{PROG} api get-study id=STUDY_ID`, "
        f"`{PROG} api create-participant-group --body @group.json`.",
    )
    api.add_argument("operation", nargs="?", metavar="OPERATION_ID", help="e.g. get-study (get_study works too)")
    api.add_argument("params", nargs="*", metavar="NAME=VALUE", help="a path or query parameter, e.g. id=...")
    api.add_argument("--body", metavar="JSON|@FILE", help="the request body: JSON text, @file.json, or @- for stdin")
    api.add_argument(
        "--list",
        nargs="?",
        const="",
        metavar="TAG",
        help="list every operation (method, path template, Python name, summary), or those of one TAG (e.g. studies)",
    )
    api.collect_into = "params"
    install_operation_help(api)
