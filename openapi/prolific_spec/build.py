"""The whole build: sources → ``openapi/prolific.yaml`` → ``generated/prolific_api_client``.

Also the drift check that CI runs: rebuild everything into a temporary directory and compare it,
file by file, with what is committed.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import changelog, refusals, report, union_tags
from .clean import clean_document
from .document import Document
from .errors import SpecError
from .merge import merge
from .models import shape_models
from .naming import NameTable
from .operations import write_operations
from .overrides import Overrides
from .precedence import apply_precedence
from .responses import write_responses
from .sources import load_sources, parse_yaml
from .yamlfile import read_mapping

PACKAGE = "prolific_api_client"


@dataclass(frozen=True)
class Layout:
    """Where everything lives, relative to the repository root."""

    root: Path

    @property
    def sources(self) -> Path:
        return self.root / "openapi" / "sources"

    @property
    def names(self) -> Path:
        return self.root / "openapi" / "names.yaml"

    @property
    def overrides(self) -> Path:
        return self.root / "openapi" / "overrides.yaml"

    @property
    def spec(self) -> Path:
        return self.root / "openapi" / "prolific.yaml"

    @property
    def config(self) -> Path:
        return self.root / "generator-config.yaml"

    @property
    def templates(self) -> Path:
        return self.root / "openapi" / "templates"

    @property
    def package(self) -> Path:
        return self.root / "generated" / PACKAGE


REPO = Layout(Path(__file__).resolve().parents[2])


def build_document(
    layout: Layout = REPO, *, validate_spec: bool = True, prune_tables: bool = False
) -> tuple[Document, list[str]]:
    """Load, clean, merge and name every source; return the document and notices for the user.

    Notices say which operations a page replaced, what a defect transform dropped or derived,
    and which class names still need a readable name. ``validate_spec=False`` leaves validation
    to the caller (see :func:`spec_text`). A table entry whose target is gone stops the build
    unless ``prune_tables`` (then it is skipped, with a notice).
    """
    table = NameTable.load(layout.names)
    overrides = Overrides.load(layout.overrides)
    cleaned = []
    defect_notes: list[str] = []
    for origin, source in load_sources(layout.sources):
        notes: list[str] = []
        cleaned.append((origin, clean_document(source, text_responses=overrides.text_responses, notes=notes)))
        defect_notes += [f"{origin}: {note}" for note in notes]
    cleaned, notices = apply_precedence(cleaned)
    notices += defect_notes
    refusals.refuse(cleaned)
    merged = merge(cleaned)
    origins: dict[str, list[str]] = {}
    for origin, doc in cleaned:
        for name in (doc.get("components") or {}).get("schemas") or {}:
            origins.setdefault(name, []).append(origin)
    naming = shape_models(
        merged,
        table,
        overrides,
        overrides_file=str(layout.overrides.relative_to(layout.root)),
        origins=origins,
        prune_tables=prune_tables,
    )
    if validate_spec:
        validate(merged)
    return merged, notices + naming.notices


def spec_text(layout: Layout = REPO, *, prune_tables: bool = False) -> tuple[str, list[str]]:
    """The merged spec as text, validated unless it is byte-identical to the committed file.

    The committed file was validated when it was written, so an unchanged result needs no second
    pass (openapi-spec-validator's import and run are most of the pipeline's own time).
    """
    doc, notices = build_document(layout, validate_spec=False, prune_tables=prune_tables)
    text = render(doc)
    committed = layout.spec.read_text(encoding="utf-8") if layout.spec.exists() else None
    if text != committed:
        validate(doc)
    return text, notices


def validate(doc: Document) -> None:
    """openapi-spec-validator on the merged document; a failure is a :class:`SpecError`."""
    from openapi_spec_validator import validate as validate_spec

    try:
        validate_spec(doc)
    except Exception as exc:  # the validator raises several unrelated classes
        raise SpecError(f"the merged spec is not valid OpenAPI: {exc}") from None


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """libyaml's emitter where PyYAML has it (the wheels do): four times faster on the whole spec.

    Multi-line text is written as a literal block (``|``), the form in which both emitters agree
    byte for byte (they wrap long quoted scalars differently); a test checks they still do.
    """


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def render(doc: Document, *, dumper: type[yaml.SafeDumper] = _Dumper) -> str:
    """The document as stable YAML text (same document → same bytes)."""
    header = "# Generated by `make generate` from openapi/sources/ — do not edit by hand.\n"
    body: str = yaml.dump(doc, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return header + body


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` atomically unless the file already holds it; return whether it changed."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return True


def run_generator(spec: Path, config: Path, out_dir: Path, *, templates: Path | None = None) -> Path:
    """Run the pinned openapi-python-client on ``spec``; return the generated package directory.

    In-process (one interpreter instead of two), with the document read by libyaml rather than
    the generator's pure-Python reader (the same data: the spec is our own plain YAML), with
    ``templates`` overriding some of the generator's, and with ``--fail-on-warning`` semantics:
    any warning or error it reports fails the build.
    """
    from openapi_python_client import Project
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser import GeneratorData
    from openapi_python_client.parser.errors import GeneratorError

    target = out_dir / PACKAGE
    settings = Config.from_sources(
        ConfigFile.load_from_path(config), MetaType.NONE, spec, "utf-8", overwrite=False, output_path=target
    )
    data = parse_yaml(spec.read_text(encoding="utf-8"), str(spec))
    try:
        openapi = GeneratorData.from_dict(data, config=settings)
    except Exception as exc:  # a defect the generator does not report but trips over: no traceback
        raise SpecError(f"openapi-python-client failed on {spec}: {type(exc).__name__}: {exc}") from None
    if isinstance(openapi, GeneratorError):
        detail = report.clean_text(openapi.detail)
        raise SpecError(f"openapi-python-client refused {spec}: {report.clean_text(openapi.header)}: {detail}".rstrip())
    project = Project(openapi=openapi, config=settings, custom_template_path=templates)
    union_tags.install(project.env, openapi.models)  # the Jinja global our union templates ask
    # The post-hooks (the pinned ruff) run as subprocesses: find them next to this interpreter.
    path = os.environ.get("PATH", "")
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + path
    try:
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # "Generating <tmp dir>" says nothing useful
                problems = project.build()
        except Exception as exc:  # as above: a defect it trips over is a message, not a traceback
            raise SpecError(f"openapi-python-client failed on {spec}: {type(exc).__name__}: {exc}") from None
        if problems:
            raise SpecError(report.failure_message(problems, data, spec))
        if not (target / "__init__.py").exists():
            raise SpecError(f"openapi-python-client wrote no package for {spec} (and reported no warning)")
        write_operations(project, target, data, list(settings.post_hooks))
        write_responses(target, data)  # the success shapes, for FakeProlific's answers (responses.py)
    finally:
        os.environ["PATH"] = path
    for junk in target.rglob(".ruff_cache"):
        shutil.rmtree(junk)
    # PEP 561 marker: the generator writes it only with project metadata, and we use `--meta none`.
    (target / "py.typed").write_text("", encoding="utf-8")
    return target


def validate_file(spec: Path) -> None:
    """:func:`validate` on a spec file (what the child process of :func:`generate` runs)."""
    validate(read_mapping(spec, "an OpenAPI document (a YAML mapping)"))


def _start_validation() -> subprocess.Popen[str]:
    """``python -m prolific_spec validate --wait`` in a child process, started before the spec exists.

    It loads openapi-spec-validator (a good part of its cost) while this process builds the spec,
    then reads the path of the spec to check from its stdin (an empty line: nothing to check).
    """
    here = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "prolific_spec", "validate", "--wait"]
    return subprocess.Popen(
        command, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


def _hand_over(child: subprocess.Popen[str], spec: Path | None) -> None:
    """Tell the waiting validator which spec to check (None: none, the spec did not change)."""
    try:
        assert child.stdin is not None
        child.stdin.write(f"{spec or ''}\n")
        child.stdin.close()
    except (BrokenPipeError, OSError):
        pass  # it died early: _finish_validation reports why


def _finish_validation(child: subprocess.Popen[str]) -> None:
    if child.stdin is not None and not child.stdin.closed:
        _hand_over(child, None)  # never handed a spec (the build failed before): let it end
    err = child.stderr.read() if child.stderr is not None else ""
    child.wait()
    if child.returncode:
        # The child prints "error: <SpecError>" (see __main__); anything else is shown whole.
        message = err.strip().removeprefix("error: ")
        raise SpecError(message or f"validating the merged spec failed (exit status {child.returncode})")


def generate(layout: Layout = REPO, *, prune_tables: bool = False) -> list[str]:
    """Rebuild the merged spec and the generated package in place; return notices.

    A changed spec is validated in a child process on a second core, started first: it loads the
    validator while this process builds the spec, then checks it while the generator runs and the
    changelog is computed. Nothing is written unless both succeed; when both fail, the validator's
    error is the one reported.
    """
    child: subprocess.Popen[str] | None = _start_validation()
    try:
        doc, notices = build_document(layout, validate_spec=False, prune_tables=prune_tables)
        text = render(doc)
        committed = layout.spec.read_text(encoding="utf-8") if layout.spec.exists() else None
        with tempfile.TemporaryDirectory(prefix="prolific-gen-") as tmp:
            spec = Path(tmp) / "prolific.yaml"
            spec.write_text(text, encoding="utf-8")
            assert child is not None
            _hand_over(child, spec if text != committed else None)
            try:
                fresh = run_generator(spec, layout.config, Path(tmp) / "out", templates=layout.templates)
                # Changelog (changelog.py): computed now, beside the validator; written with the rest.
                entry = changelog.prepare(committed, text, old_package=layout.package, new_package=fresh)
            except BaseException:
                _finish_validation(child)  # its error, when it has one, is the one to report
                raise
            _finish_validation(child)
            child = None
            if entry is not None:
                print(entry.write(layout.root))
            write_if_changed(layout.spec, text)
            # Generate into a fresh directory and swap: `--overwrite` would keep stale files.
            layout.package.parent.mkdir(parents=True, exist_ok=True)
            backup = layout.package.with_name(PACKAGE + ".old")
            if backup.exists():
                shutil.rmtree(backup)
            if layout.package.exists():
                layout.package.rename(backup)
            shutil.copytree(fresh, layout.package)
            if backup.exists():
                shutil.rmtree(backup)
    finally:
        if child is not None and child.poll() is None:
            child.kill()
            child.wait()
    return notices


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


def drift(layout: Layout = REPO) -> list[str]:
    """Differences between what the sources produce and what is committed, as unified diff lines."""
    expected_spec, _notices = spec_text(layout)
    lines: list[str] = []
    actual_spec = layout.spec.read_text(encoding="utf-8") if layout.spec.exists() else ""
    if expected_spec != actual_spec:
        lines += difflib.unified_diff(
            actual_spec.splitlines(), expected_spec.splitlines(),
            "openapi/prolific.yaml (committed)", "openapi/prolific.yaml (from sources)", lineterm="",
        )  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="prolific-check-") as tmp:
        spec = Path(tmp) / "prolific.yaml"
        spec.write_text(expected_spec, encoding="utf-8")
        fresh = _tree(run_generator(spec, layout.config, Path(tmp) / "out", templates=layout.templates))
    committed = _tree(layout.package) if layout.package.exists() else {}
    rel = f"generated/{PACKAGE}"
    for name in sorted(set(fresh) | set(committed)):
        if fresh.get(name) == committed.get(name):
            continue
        if name not in committed:
            lines.append(f"--- missing from {rel}: {name}")
            continue
        if name not in fresh:
            lines.append(f"+++ not produced by the sources, but committed: {rel}/{name}")
            continue
        lines += difflib.unified_diff(
            committed[name].decode("utf-8", "replace").splitlines(),
            fresh[name].decode("utf-8", "replace").splitlines(),
            f"{rel}/{name} (committed)", f"{rel}/{name} (from sources)", lineterm="",
        )  # fmt: skip
    return lines
