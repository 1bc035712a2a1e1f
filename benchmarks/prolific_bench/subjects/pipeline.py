"""The spec pipeline in fresh processes: ``make generate``, ``make check-generated`` (group ``generate``), the spec diff (``diff``)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys

from ..harness import Row, Run, interleaved
from ..processes import BIN, ROOT, child_env, command

PUBLISHED_SPEC = ROOT / "openapi" / "sources" / "prolific-openapi.yaml"


def generate(run: Run) -> list[Row]:
    """``make generate`` on a temporary copy vs the bare generator CLI, same spec and config.

    A smoke run: each subject runs once against one shared baseline run (the rows run; nothing is
    measured), on tiny inputs: the four seed pages without the whole-API document, regenerated once
    beforehand.
    """
    repeats, warmup, smoke, tmp = run.size.pick(5, 3, 1), run.size.warmup(1), run.size.smoke, run.tmp
    copy = tmp / "repo"
    for name in ("openapi", "generated"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy2(ROOT / "generator-config.yaml", copy / "generator-config.yaml")
    spec = copy / "openapi" / "prolific.yaml"
    # The generator's ruff post-hooks are found on PATH, as `make` gives them.
    env = child_env(tmp, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    # What `make generate` runs (PYTHONPATH=openapi python -m prolific_spec generate), rooted at the copy.
    pipeline = [sys.executable, "-m", "prolific_spec", "--root", str(copy), "generate"]
    pipeline_env = {**env, "PYTHONPATH": str(copy / "openapi")}

    def run_child(argv: list[str]) -> None:
        # The pruned inputs of a smoke run make the pipeline print notes about unused names.yaml and
        # overrides.yaml entries: kept out of the output, and shown when a run fails.
        stderr = subprocess.PIPE if smoke else None
        done = subprocess.run(argv, cwd=copy, env=pipeline_env, stdout=subprocess.DEVNULL, stderr=stderr, text=True)
        if done.returncode:
            raise SystemExit(f"{' '.join(argv[2:])} failed with exit code {done.returncode}:\n{done.stderr or ''}")

    if smoke:
        (copy / "openapi" / "sources" / PUBLISHED_SPEC.name).unlink()
        run_child(pipeline)
    committed = spec.read_text(encoding="utf-8")
    bare_spec = tmp / "bare-spec" / "prolific.yaml"  # never touched by the pipeline runs
    bare_spec.parent.mkdir()
    shutil.copy2(spec, bare_spec)
    outputs = tmp / "bare-out"
    counter = iter(range(1_000_000))

    def pipeline_run() -> None:
        run_child(pipeline)

    def edited_pipeline_run() -> None:
        # As after editing a source: the committed spec differs, so the pipeline validates and rewrites it.
        spec.write_text(committed + "# stale\n", encoding="utf-8")
        pipeline_run()

    def baseline() -> None:
        out = outputs / str(next(counter)) / "prolific_api_client"
        argv = [
            str(BIN / "openapi-python-client"), "generate", "--path", str(bare_spec),
            "--config", str(copy / "generator-config.yaml"), "--meta", "none",
            "--output-path", str(out), "--fail-on-warning",
        ]  # fmt: skip
        subprocess.run(argv, check=True, cwd=tmp, env=env, stdout=subprocess.DEVNULL)
        shutil.rmtree(out.parent)

    check = [sys.executable, "-m", "prolific_spec", "--root", str(copy), "check"]

    def check_run() -> None:
        run_child(check)

    if smoke:
        s, b = interleaved(pipeline_run, baseline, repeats=1, warmup=0)
        s2, _ = interleaved(edited_pipeline_run, lambda: None, repeats=1, warmup=0)
        s3, _ = interleaved(check_run, lambda: None, repeats=1, warmup=0)
        b2 = b3 = b
    else:
        s, b = interleaved(pipeline_run, baseline, repeats=repeats, warmup=warmup)
        s2, b2 = interleaved(edited_pipeline_run, baseline, repeats=repeats, warmup=warmup)
        s3, b3 = interleaved(check_run, baseline, repeats=repeats, warmup=warmup)
    if spec.read_text(encoding="utf-8") != committed:
        raise SystemExit("benchmark bug: the pipeline did not restore the spec from the sources")
    base = "bare `openapi-python-client generate` CLI on `openapi/prolific.yaml`, same config, `--meta none --fail-on-warning`"
    notes = f"{repeats} pairs; both run the same ruff post-hooks"
    return [
        Row(
            "generate",
            "`make generate` from sources (`python -m prolific_spec generate` on a temp copy, fresh "
            "process); sources unchanged, so the merged spec is not re-validated",
            base, s, b, notes=notes,
        ),
        Row(
            "generate-edited",
            "the same after a source edit: the merged spec differs from the committed one, so it is "
            "validated (openapi-spec-validator) and rewritten",
            base, s2, b2, notes=notes,
        ),
        Row(
            "check-generated",
            "`make check-generated` (`python -m prolific_spec check`: rebuild the spec and the package into a "
            "temp dir, compare with the committed ones)",
            base, s3, b3, notes=notes,
        ),
    ]  # fmt: skip


def spec_diff(run: Run) -> list[Row]:
    """``python -m prolific_spec diff`` of the whole published document vs a mutated copy, fresh process (issue 14)."""
    import yaml

    repeats, warmup, tmp = run.size.pick(11, 2, 1), run.size.warmup(1), run.tmp
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    doc = yaml.load(PUBLISHED_SPEC.read_text(encoding="utf-8"), Loader=loader)
    # The acceptance mutations: an operation removed, an enum value added, a field made required,
    # a parameter's type changed.
    del doc["paths"]["/api/v1/studies/{id}/"]["delete"]
    doc["components"]["schemas"]["StudyStatus"]["enum"].append("ARCHIVED")
    doc["components"]["schemas"]["CreateStudy"]["required"].append("credential_pool_id")
    for param in doc["paths"]["/api/v1/studies/"]["get"]["parameters"]:
        if param["name"] == "state":
            param["schema"] = {"type": "integer"}
    mutated = tmp / "mutated-openapi.yaml"
    mutated.write_text(
        yaml.dump(doc, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False), encoding="utf-8"
    )
    env = child_env(tmp, PYTHONPATH=str(ROOT / "openapi"))
    files = [str(PUBLISHED_SPEC), str(mutated)]
    diff_argv = [sys.executable, "-m", "prolific_spec", "diff", *files]
    read_argv = [
        sys.executable, "-c",
        "import sys, yaml\nloader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)\n"
        "for f in sys.argv[1:]: yaml.load(open(f, encoding='utf-8'), Loader=loader)",
        *files,
    ]  # fmt: skip

    def subject() -> None:
        result = subprocess.run(diff_argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 1:  # 1: changes found
            raise SystemExit(f"benchmark bug: spec diff exited with {result.returncode}: {result.stderr[-2000:]}")

    s, b = interleaved(subject, command(read_argv, env), repeats=repeats, warmup=warmup)
    limit = 2.0  # seconds, whatever the baseline
    median = statistics.median(s)
    verdict = "met" if median <= limit else "MISSED"
    return [
        Row(
            "spec-diff",
            "`python -m prolific_spec diff` of Prolific's whole published document (121 operations, 440 schemas) "
            "against a mutated copy (fresh process: start-up, reading both, comparing, printing)",
            "a fresh process that only parses the same two files with PyYAML's C loader",
            s, b,
            notes=f"{repeats} pairs; absolute: median {median:.2f} s against issue 14's limit of {limit:g} s: {verdict}",
        ),
    ]  # fmt: skip
