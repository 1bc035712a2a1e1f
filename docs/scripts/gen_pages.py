"""Write the documentation pages at build time (mkdocs-gen-files), from the packages themselves.

Nothing here lists a module, an operation or a model by hand, so the site follows the packages:

- ``index.md`` and ``changelog.md``: README.md and CHANGELOG.md.
- ``cli.md``: every command's ``--help``, walked from ``prolific.cli.build_parser()``.
- ``reference/prolific/``: one page per public module of the overlay, and the index: the names in
  ``prolific.__all__`` that no public module's page documents (grouped by the private module that
  defines them), and links to the others. Each public name has one entry: on its defining module's
  page if that is public, else on the page of the public package that exports it (``prolific.credentials``
  for ``Capacity``, defined in ``prolific.credentials._capacity``); other pages that export it link there.
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

GUIDES = ROOT / "docs" / "guides"
# README links point into the repository (docs/guides/x.md, CONTRIBUTING.md); on the site they are pages.
REPOSITORY_LINKS = {
    "](docs/guides/": "](guides/",
    "](CONTRIBUTING.md)": "](contributing.md)",
    "](CHANGELOG.md)": "](changelog.md)",
    "](LICENSE)": "](license.md)",
    "](README.md)": "](index.md)",
}


def site_text(path: Path) -> str:
    """A repository markdown file as a site page: its links into the repository made site links."""
    text = path.read_text(encoding="utf-8")
    for repository, site in REPOSITORY_LINKS.items():
        text = text.replace(repository, site)
    return text


def guide_order() -> list[Path]:
    """The guides in the order the README's table lists them (a guide it does not list comes last)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = {name: readme.find(f"docs/guides/{name}") for name in (p.name for p in GUIDES.glob("*.md"))}
    return sorted(GUIDES.glob("*.md"), key=lambda p: (listed[p.name] < 0, listed[p.name], p.name))


def title_of(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return first.lstrip("# ").strip() if first.startswith("# ") else path.stem.replace("-", " ").capitalize()


write("index.md", site_text(ROOT / "README.md"), ROOT / "README.md")
nav["Home"] = "index.md"
for guide in guide_order():  # real files under docs/: listed, not written
    nav["Guides", title_of(guide)] = f"guides/{guide.name}"
write("contributing.md", site_text(ROOT / "CONTRIBUTING.md"), ROOT / "CONTRIBUTING.md")
LICENSE_TEXT = (ROOT / "LICENSE").read_text(encoding="utf-8")
write("license.md", f"# License\n\n```text\n{LICENSE_TEXT}```\n", ROOT / "LICENSE")


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


def exported(module: str) -> dict[str, object]:
    """The names a public module exports (its ``__all__``), with their objects."""
    imported = importlib.import_module(module)
    return {name: getattr(imported, name) for name in getattr(imported, "__all__", ())}


def home_of(name: str, value: object, modules: list[str]) -> str:
    """The one page that documents a public name of ``prolific``: its defining module's if that is public,
    else the (deepest) public package that exports it and holds the defining module (``prolific.credentials``
    for ``Capacity``, defined in ``prolific.credentials._capacity``), else the ``prolific`` index."""
    defined = getattr(value, "__module__", None)
    if name == "__version__" or not isinstance(defined, str):
        return "prolific"
    if defined in modules:
        return defined
    packages = [m for m in modules if defined.startswith(f"{m}.") and exported(m).get(name) is value]
    return max(packages, key=len) if packages else "prolific"


def homes(modules: list[str]) -> dict[tuple[str, str], str]:
    """``(module, name)`` -> the page that documents the name, for every name ``prolific`` and its public
    modules export: each name is documented once, and linked from the other pages that export it."""
    import prolific

    top = {name: home_of(name, getattr(prolific, name), modules) for name in prolific.__all__}
    found = {("prolific", name): page for name, page in top.items()}
    for module in modules:
        for name, value in exported(module).items():
            if name in top and getattr(prolific, name) is value:
                found[module, name] = top[name]
            elif (inspect.isclass(value) or inspect.isfunction(value)) and value.__module__ in modules:
                found[module, name] = value.__module__  # e.g. prolific.resources re-exporting its modules' classes
            else:
                found[module, name] = module
    return found


def links(names: list[str], page: str) -> str:
    """Links to the entries of ``names`` on ``page``."""
    return ", ".join(f"[`{n}`][{page}.{n}]" for n in sorted(names))


def prolific_pages() -> None:
    modules = public_modules()
    home = homes(modules)
    elsewhere: dict[str, list[str]] = {}  # page -> names of prolific documented there
    here: dict[str, list[str]] = {}  # defining module -> names documented on the index
    import prolific

    for name in prolific.__all__:
        page = home["prolific", name]
        if page != "prolific":
            elsewhere.setdefault(page, []).append(name)
            continue
        defined = getattr(getattr(prolific, name), "__module__", "prolific")
        here.setdefault(defined if name != "__version__" and isinstance(defined, str) else "prolific", []).append(name)
    lines = [
        "# `prolific`",
        "",
        summary("prolific"),
        "",
        "Every name below is importable from `prolific` itself.",
        "",
    ]
    for module, names in sorted(here.items()):
        lines += [f"## {'Constants' if module == 'prolific' else summary(module)}", ""]
        for name in sorted(names):
            lines.append(directive(f"prolific.{name}"))
    for page, names in sorted(elsewhere.items()):  # documented on that page: link, do not repeat
        lines += [f"## From `{page}`", "", f"{links(names, page)}: see [`{page}`][{page}].", ""]
    write("reference/prolific/index.md", "\n".join(lines), OVERLAY / "__init__.py")
    nav["Reference", "prolific"] = "reference/prolific/index.md"
    for module in modules:
        page = f"reference/{module.replace('.', '/')}.md"
        source = OVERLAY.parent / (module.replace(".", "/") + ".py")
        if not source.exists():
            source = source.with_suffix("") / "__init__.py"
        names = exported(module)
        linked: dict[str, list[str]] = {}
        for name in names:
            if home[module, name] != module:
                linked.setdefault(home[module, name], []).append(name)
        text = f"# `{module}`\n\n::: {module}\n"
        if linked:  # the rest of __all__ only: each name has one entry, on its home page
            hidden = ", ".join(f'"!^{n}$"' for found in linked.values() for n in sorted(found))
            text += f'    options:\n      filters: ["!^_", {hidden}]\n'
            text += "\nAlso exported here (each name is documented once, where the link goes): "
            text += "; ".join(links(found, target) for target, found in sorted(linked.items())) + ".\n"
        write(page, text, source)
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
    from prolific_api_client.operations import OPERATIONS

    by_tag: dict[str, list[object]] = {}
    for operation in OPERATIONS.values():
        by_tag.setdefault(operation.tag, []).append(operation)
    for tag, operations in sorted(by_tag.items()):
        cls = "".join(word.capitalize() for word in tag.split("_")) + "Operations"
        title = tag.replace("_", " ").title()
        lines = [
            f"# {title}",
            "",
            f"Each operation of the `{tag}` tag twice: as the client method `client.{tag}.<name>(...)` on",
            "`prolific.Prolific` (returns the success model, raises typed errors; `prolific.AsyncProlific` has the",
            f"same with `await`), and as the generated function module `{package}.api.{tag}.<name>`",
            "(`sync`, `sync_detailed`, `asyncio`, `asyncio_detailed`).",
            "",
        ]
        for operation in sorted(operations, key=lambda op: op.name):  # type: ignore[attr-defined]
            name, method, path = operation.name, operation.method, operation.path  # type: ignore[attr-defined]
            lines += [
                f"## {name}",
                "",
                f"`{method} {path}` · operationId `{operation.operation_id}`",  # type: ignore[attr-defined]
                "",
                f"::: {package}.operations.{tag}.{cls}.{name}",
                "    options:\n      show_root_heading: true\n      heading_level: 3",
                f'      heading: "client.{tag}.{name}()"\n      toc_label: "client method"',
                "",
                f"::: {package}.api.{tag}.{name}",
                "    options:\n      show_root_heading: true\n      heading_level: 3\n      members: [sync]",
                f'      heading: "{package}.api.{tag}.{name}"\n      toc_label: "generated function"',
                "",
            ]
        write(f"{base}/api/{tag}.md", "\n".join(lines))
        nav["Reference", label, f"Operations: {title}"] = f"{base}/api/{tag}.md"
    models = sorted(p.stem for p in (GENERATED / "models").glob("*.py") if p.stem != "__init__")
    classes = {module: class_name(module) for module in models}
    by_initial: dict[str, list[str]] = {}
    for module in sorted(models, key=lambda m: classes[m].lower()):
        by_initial.setdefault(classes[module][0].upper(), []).append(module)
    for initial, chunk in by_initial.items():
        names = ", ".join(f"`{classes[m]}`" for m in chunk)
        heading = f"# Models: {initial}\n\n`{package}.models` whose names start with {initial}: {names}.\n\n"
        blocks = [directive(f"{package}.models.{m}.{classes[m]}") for m in chunk]
        write(f"{base}/models/{initial.lower()}.md", heading + "\n".join(blocks))
        nav["Reference", label, "Models", initial] = f"{base}/models/{initial.lower()}.md"


def class_name(module: str) -> str:
    """The class (or enum) a generated model module defines: its shortest public top-level name."""
    imported = importlib.import_module(f"prolific_api_client.models.{module}")
    names = [
        name
        for name, value in vars(imported).items()
        if getattr(value, "__module__", None) == imported.__name__ and not name.startswith("_")
    ]
    return sorted(names, key=len)[0] if names else module


generated_pages()

write("changelog.md", site_text(ROOT / "CHANGELOG.md"), ROOT / "CHANGELOG.md")
nav["Changelog", "prolific-client"] = "changelog.md"
write("api-changes.md", site_text(ROOT / "openapi" / "CHANGES.md"), ROOT / "openapi" / "CHANGES.md")
nav["Changelog", "Prolific's API (regenerations)"] = "api-changes.md"
nav["Contributing"] = "contributing.md"
nav["License"] = "license.md"

with mkdocs_gen_files.open("SUMMARY.md", "w") as handle:
    handle.writelines(nav.build_literate_nav())
