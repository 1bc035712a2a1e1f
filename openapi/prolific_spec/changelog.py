"""The API changelog: a readable report of a :class:`~prolific_spec.diff.SpecDiff` (and of moved imports).

Three uses: ``python -m prolific_spec diff OLD NEW`` prints it (:func:`diff_command`);
``make generate`` prints a short summary and prepends a dated section to ``openapi/CHANGES.md``
whenever the merged spec or the generated import paths change (:func:`record`); ``make
update-spec`` prints that section after downloading a new document.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from .diff import Change, SpecDiff, diff_documents, diff_files, parse_document
from .errors import SpecError
from .imports import ImportChanges, compare_packages

CHANGES_FILE = Path("openapi") / "CHANGES.md"
CHANGES_HEADER = (
    "# Changes to the Prolific API, as this client sees them\n"
    "\n"
    "`make generate` adds a section here, newest first, whenever the merged spec "
    "(`openapi/prolific.yaml`) or the import paths of the generated package change: operations added, "
    "removed and changed, each change marked **breaking** or not for a client user. Review it with the "
    "regenerated code. `make check-generated` does not read this file.\n"
)
SECTION_PREFIX = "## "
_SUMMARY_LINES = 10


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def counts(diff: SpecDiff, imports: ImportChanges | None = None) -> str:
    """One line: how many operations were added, removed, changed, and how many changes break.

    >>> counts(SpecDiff(added_operations=("GET /a/",), removed_operations=("GET /b/",)))
    'operations: 1 added, 1 removed, 0 changed; 1 breaking change'
    """
    breaking = diff.breaking_count + (imports.breaking_count if imports else 0)
    line = (
        f"operations: {len(diff.added_operations)} added, {len(diff.removed_operations)} removed, "
        f"{len(diff.changed_operations)} changed; {_plural(breaking, 'breaking change')}"
    )
    if imports is not None and not imports.empty:
        tally = {
            "moved": len(imports.moved_modules) + len(imports.moved_classes),
            "removed": len(imports.removed_modules) + len(imports.removed_classes),
            "added": len(imports.added_modules) + len(imports.added_classes),
        }
        line += "; imports: " + ", ".join(f"{n} {what}" for what, n in tally.items() if n)
    return line


def _change_line(change: Change) -> str:
    return f"- `{change.where}`: {change.detail}"


def _operation_line(operation: str, diff: SpecDiff) -> str:
    summary = diff.summaries.get(operation, "")
    return f"- `{operation}`" + (f" ({summary})" if summary else "")


def _import_lines(imports: ImportChanges, *, breaking: bool) -> list[str]:
    if breaking:
        lines = [f"- `{m.old}` → `{m.new}` ({m.why})" for m in imports.moved_modules]
        lines += [f"- `{m}` removed" for m in imports.removed_modules]
        lines += [f"- class `{m.old}` → `{m.new}` ({m.why})" for m in imports.moved_classes]
        lines += [f"- class `{c}` removed" for c in imports.removed_classes]
        return lines
    return [f"- `{m}` added" for m in imports.added_modules] + [f"- class `{c}` added" for c in imports.added_classes]


def render(diff: SpecDiff, imports: ImportChanges | None = None, *, title: str = "API changes", level: int = 1) -> str:
    """The changelog as markdown: breaking changes first, then the rest; ``level`` is the title's depth.

    >>> print(render(SpecDiff(removed_operations=("DELETE /a/",)), title="v1 → v2"))
    # v1 → v2
    <BLANKLINE>
    operations: 0 added, 1 removed, 0 changed; 1 breaking change
    <BLANKLINE>
    ## Breaking
    <BLANKLINE>
    ### Removed operations
    <BLANKLINE>
    - `DELETE /a/`
    """
    h1, h2, h3 = "#" * level, "#" * (level + 1), "#" * (level + 2)
    out = [f"{h1} {title}", "", counts(diff, imports)]
    if diff.empty and (imports is None or imports.empty):
        return "\n".join([*out, "", "No changes."])
    for breaking in (True, False):
        section: list[str] = []
        ops = diff.removed_operations if breaking else diff.added_operations
        if ops:
            section += ["", f"{h3} {'Removed' if breaking else 'Added'} operations", ""]
            section += [_operation_line(op, diff) for op in ops]
        for op in diff.changed_operations:
            lines = [_change_line(c) for c in op.changes if c.breaking == breaking]
            if lines:
                section += ["", f"{h3} `{op.operation}`", "", *lines]
        if imports is not None:
            lines = _import_lines(imports, breaking=breaking)
            if lines:
                section += ["", f"{h3} Import paths of the generated package", "", *lines]
        if section:
            out += ["", f"{h2} {'Breaking' if breaking else 'Not breaking'}", *section]
    return "\n".join(out)


def summary(diff: SpecDiff, imports: ImportChanges | None = None, *, written_to: str = "") -> str:
    """A few lines for the terminal: the counts and the first breaking changes."""
    lines = [f"spec changes: {counts(diff, imports)}"]
    breaking = [f"  breaking: {op} removed" for op in diff.removed_operations]
    breaking += [
        f"  breaking: {op.operation}: {c.where}: {c.detail}"
        for op in diff.changed_operations
        for c in op.changes
        if c.breaking
    ]
    if imports is not None:
        breaking += [
            f"  breaking: import {m.old} is now {m.new}" for m in (*imports.moved_modules, *imports.moved_classes)
        ]
        breaking += [
            f"  breaking: import {name} removed" for name in (*imports.removed_modules, *imports.removed_classes)
        ]
    lines += breaking[:_SUMMARY_LINES]
    if len(breaking) > _SUMMARY_LINES:
        lines.append(f"  ... and {len(breaking) - _SUMMARY_LINES} more breaking changes")
    if written_to:
        lines.append(f"full changelog: {written_to}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Entry:
    """A regeneration's changelog, computed (by :func:`prepare`) before anything is written.

    ``section`` is the dated markdown section for ``CHANGES.md`` (None: nothing to log, only
    ``summary`` to print), ``summary`` the short text for the terminal.
    """

    section: str | None
    summary: str

    def write(self, root: Path) -> str:
        """Add the section at the top of ``<root>/openapi/CHANGES.md`` (atomically); return the summary."""
        if self.section is None:
            return self.summary
        path = root / CHANGES_FILE
        existing = path.read_text(encoding="utf-8") if path.exists() else CHANGES_HEADER
        head, sep, rest = existing.partition("\n" + SECTION_PREFIX)
        text = f"{head.rstrip()}\n\n{self.section}\n" + (f"\n{SECTION_PREFIX}{rest}" if sep else "")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        return self.summary


def prepare(
    old_text: str | None,
    new_text: str,
    *,
    old_package: Path | None = None,
    new_package: Path | None = None,
    today: datetime.date | None = None,
) -> Entry | None:
    """Compare the committed merged spec (and package) with the fresh one: the entry to log, or None.

    None when the spec text and the import paths are unchanged, or without a committed spec
    (nothing to compare with). Nothing is written: ``build.generate`` computes this while the
    validator still runs, and writes it (:meth:`Entry.write`) only once everything succeeded.
    """
    if old_text is None:
        return None
    if old_text == new_text:
        diff = SpecDiff()
    else:
        try:
            old = parse_document(old_text, "the committed openapi/prolific.yaml")
        except SpecError as exc:
            # A damaged committed spec must not stop the regeneration that repairs it.
            return Entry(None, f"spec changes: not logged, {exc}")
        diff = diff_documents(old, parse_document(new_text, "openapi/prolific.yaml (from the sources)"))
    imports = compare_packages(old_package, new_package) if old_package and new_package else None
    if diff.empty and (imports is None or imports.empty):
        return None
    date = (today or datetime.date.today()).isoformat()
    section = render(diff, imports, title=f"{date}: openapi/prolific.yaml regenerated", level=2)
    return Entry(section, summary(diff, imports, written_to=str(CHANGES_FILE)))


def record(
    old_text: str | None,
    new_text: str,
    root: Path,
    *,
    old_package: Path | None = None,
    new_package: Path | None = None,
    today: datetime.date | None = None,
) -> str | None:
    """:func:`prepare` and write: a dated section at the top of ``<root>/openapi/CHANGES.md``; the summary.

    When the spec text or the import paths differ, the section is added and a short summary is
    returned for the terminal; otherwise nothing is written and ``None`` is returned (an unchanged
    regeneration leaves the file alone).
    """
    entry = prepare(old_text, new_text, old_package=old_package, new_package=new_package, today=today)
    return entry.write(root) if entry is not None else None


def latest_section(text: str) -> str:
    """The newest section of a CHANGES.md text (empty if it has none)."""
    _head, sep, rest = text.partition("\n" + SECTION_PREFIX)
    if not sep:
        return ""
    body, _sep, _older = rest.partition("\n" + SECTION_PREFIX)
    return (SECTION_PREFIX + body).rstrip()


def diff_command(old: Path, new: Path, *, as_json: bool = False) -> int:
    """``python -m prolific_spec diff OLD NEW``: print the changelog; 0 if nothing changed, else 1.

    An unreadable file or one that is not OpenAPI raises :class:`~prolific_spec.errors.SpecError`
    (the command line prints it and exits with 2).
    """
    result = diff_files(old, new)
    if as_json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        print(render(result, title=f"API changes: {old} → {new}"))
    return 0 if result.empty else 1
