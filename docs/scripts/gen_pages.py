"""Write the documentation pages at build time (mkdocs-gen-files), from the packages themselves.

Nothing here lists a module, an operation or a model by hand, so the site follows the packages:

- ``index.md`` and ``changelog.md``: README.md and CHANGELOG.md.
- ``cli.md``: every command's ``--help``, walked from ``prolific.cli.build_parser()``.
- ``reference/prolific/``: the names in ``prolific.__all__`` (grouped by the module that defines
  them) and one page per public module of the overlay.
- ``reference/prolific_api_client/``: the client classes, one page per API tag (``api/<tag>/``)
  holding its operations, and the models, split into pages of at most ``MODELS_PER_PAGE``.
- ``SUMMARY.md``: the navigation (mkdocs-literate-nav).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
from collections.abc import Iterator
from pathlib import Path

import mkdocs_gen_files

ROOT = Path(__file__).resolve().parents[2]
OVERLAY = ROOT / "overlay" / "prolific"
# The generated package: GENERATED_PACKAGE may point at another copy (to measure the build on the
# whole API); mkdocstrings then reads it through PYTHONPATH, as this script imports it.
GENERATED = Path(os.environ.get("GENERATED_PACKAGE", ROOT / "generated" / "prolific_api_client"))
MODELS_PER_PAGE = 60

nav = mkdocs_gen_files.Nav()


def write(path: str, text: str, source: Path | None = None) -> None:
    with mkdocs_gen_files.open(path, "w") as handle:
        handle.write(text)
    if source is not None:
        mkdocs_gen_files.set_edit_path(path, source.relative_to(ROOT))


def directive(identifier: str) -> str:
    """An mkdocstrings block for ``identifier``, with its own heading (for the page's table of contents)."""
    return f"::: {identifier}\n    options:\n      show_root_heading: true\n"


def summary(module: str) -> str:
    """The first line of a module's docstring, without reST markup."""
    doc = inspect.getdoc(importlib.import_module(module)) or module
    return doc.splitlines()[0].replace("``", "`").rstrip(".")


# -- home, changelog -----------------------------------------------------------------------------

write("index.md", (ROOT / "README.md").read_text(encoding="utf-8"), ROOT / "README.md")
nav["Home"] = "index.md"


# -- the command line ----------------------------------------------------------------------------


def commands(parser: argparse.ArgumentParser, words: list[str]) -> Iterator[tuple[list[str], argparse.ArgumentParser]]:
    yield words, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, [*words, name])


def cli_page() -> str:
    os.environ["COLUMNS"] = "100"  # argparse wraps help to the terminal width: fix it for the page
    from prolific.cli import PROG, build_parser

    lines = [
        "# Command line",
        "",
        f"`{PROG}` (also `python -m prolific`). This page is generated from the program's own argument",
        "parser, so it shows exactly what `--help` prints.",
        "",
    ]
    for words, parser in commands(build_parser(), []):
        title = " ".join([PROG, *words])
        lines += [f"## `{title}`" if words else "## Synopsis", "", "```text", parser.format_help().rstrip(), "```", ""]
    return "\n".join(lines)


write("cli.md", cli_page(), OVERLAY / "cli" / "_main.py")
nav["Command line"] = "cli.md"


# -- prolific --------------------------------------------------------------------------------------


def public_modules() -> list[str]:
    """Overlay modules a user imports: no ``_private`` part, no ``__main__``."""
    names = []
    for path in sorted(OVERLAY.rglob("*.py")):
        parts = path.relative_to(OVERLAY.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if len(parts) > 1 and not any(p.startswith("_") for p in parts[1:]):
            names.append(".".join(parts))
    return names


def prolific_pages() -> None:
    import prolific

    modules = public_modules()
    by_module: dict[str, list[str]] = {}
    for name in prolific.__all__:
        defined_in = getattr(getattr(prolific, name), "__module__", "prolific")
        if name == "__version__" or not isinstance(defined_in, str):
            defined_in = "prolific"
        by_module.setdefault(defined_in, []).append(name)
    lines = [
        "# `prolific`",
        "",
        summary("prolific"),
        "",
        "Every name below is importable from `prolific` itself.",
        "",
    ]
    for module, names in sorted(by_module.items()):
        if module in modules:  # documented on that module's page: link, do not repeat
            listed = ", ".join(f"[`{n}`][{module}.{n}]" for n in sorted(names))
            lines += [f"## From `{module}`", "", f"{listed}: see [`{module}`][{module}].", ""]
            continue
        lines += [f"## {'Constants' if module == 'prolific' else summary(module)}", ""]
        for name in sorted(names):
            lines.append(directive(f"prolific.{name}"))
    write("reference/prolific/index.md", "\n".join(lines), OVERLAY / "__init__.py")
    nav["Reference", "prolific"] = "reference/prolific/index.md"
    for module in modules:
        page = f"reference/{module.replace('.', '/')}.md"
        source = OVERLAY.parent / (module.replace(".", "/") + ".py")
        if not source.exists():
            source = source.with_suffix("") / "__init__.py"
        write(page, f"# `{module}`\n\n::: {module}\n", source)
        nav["Reference", "prolific", module] = page


prolific_pages()


# -- prolific_api_client -------------------------------------------------------------------------------


def generated_pages() -> None:
    package = GENERATED.name
    base = f"reference/{package}"
    label = f"{package} (generated)"
    write(
        f"{base}/index.md",
        f"# `{package}`\n\n"
        "Generated by openapi-python-client from `openapi/prolific.yaml`: never edited by hand. Each\n"
        "operation module has `sync`, `sync_detailed`, `asyncio` and `asyncio_detailed`.\n\n"
        f"::: {package}.client\n\n::: {package}.errors\n\n::: {package}.types\n",
    )
    nav["Reference", label] = f"{base}/index.md"
    api = GENERATED / "api"
    for tag in sorted(p for p in api.iterdir() if (p / "__init__.py").exists()):
        operations = sorted(p.stem for p in tag.glob("*.py") if p.stem != "__init__")
        if not operations:
            continue
        blocks = [directive(f"{package}.api.{tag.name}.{op}") for op in operations]
        title = tag.name.replace("_", " ").title()
        text = f"# {title}\n\nOperations of the `{tag.name}` tag: `{package}.api.{tag.name}`.\n\n" + "\n".join(blocks)
        write(f"{base}/api/{tag.name}.md", text)
        nav["Reference", label, f"API: {title}"] = f"{base}/api/{tag.name}.md"
    operations_dir = GENERATED / "operations"
    for module in sorted(p.stem for p in operations_dir.glob("*.py") if not p.stem.startswith("_")):
        if module == "registry" or module == "__init__":
            continue
        cls = "".join(word.capitalize() for word in module.split("_")) + "Operations"
        title = module.replace("_", " ").title()
        text = (
            f"# Client methods: {title}\n\n"
            f"`client.{module}` on `prolific.Prolific`: one method per operation, returning the success model "
            f"(`prolific.AsyncProlific` has the same with `await`: `Async{cls}`).\n\n"
            f"{directive(f'{package}.operations.{module}.{cls}')}\n"
        )
        write(f"{base}/operations/{module}.md", text)
        nav["Reference", label, f"Client methods: {title}"] = f"{base}/operations/{module}.md"
    models = sorted(p.stem for p in (GENERATED / "models").glob("*.py") if p.stem != "__init__")
    chunks = [models[i : i + MODELS_PER_PAGE] for i in range(0, len(models), MODELS_PER_PAGE)]
    for number, chunk in enumerate(chunks, 1):
        single = len(chunks) == 1
        name, title = ("models", "Models") if single else (f"models-{number}", f"Models {number}/{len(chunks)}")
        heading = f"# {title}\n\n`{package}.models`: `{chunk[0]}` … `{chunk[-1]}`.\n\n"
        blocks = [directive(f"{package}.models.{m}") for m in chunk]
        write(f"{base}/{name}.md", heading + "\n".join(blocks))
        nav["Reference", label, title] = f"{base}/{name}.md"


generated_pages()

write("changelog.md", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), ROOT / "CHANGELOG.md")
nav["Changelog"] = "changelog.md"

with mkdocs_gen_files.open("SUMMARY.md", "w") as handle:
    handle.writelines(nav.build_literate_nav())
