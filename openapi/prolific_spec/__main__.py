"""Command line of the spec pipeline: ``python -m prolific_spec COMMAND`` (``--help`` lists them)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import changelog, upstream
from .build import REPO, Layout, drift, generate, spec_text, validate_file, write_if_changed
from .errors import SpecError
from .sources import import_page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m prolific_spec", description=__doc__)
    parser.add_argument("--root", type=Path, help="repository root to work on (default: this checkout)")
    sub = parser.add_subparsers(dest="command", required=True)
    spec = sub.add_parser("spec", help="sources -> openapi/prolific.yaml (no code generation)")
    gen = sub.add_parser("generate", help="sources -> openapi/prolific.yaml -> generated/prolific_api_client")
    for command in (spec, gen):
        command.add_argument(
            "--prune-tables",
            action="store_true",
            help="build even when names.yaml/overrides.yaml entries point at a schema or field that is gone "
            "(each is skipped and listed); without it such an entry stops the build",
        )
    sub.add_parser("check", help="fail with a diff if the committed spec or generated/ is stale")
    imp = sub.add_parser("import", help="add a saved docs page (markdown) as openapi/sources/<operationId>.yaml")
    imp.add_argument("page", type=Path)
    imp.add_argument("--force", action="store_true", help="replace an existing, different source")
    val = sub.add_parser("validate", help="check one OpenAPI file with openapi-spec-validator")
    val.add_argument("spec", type=Path, nargs="?", help="the OpenAPI file (YAML or JSON)")
    # What `make generate` runs beside the generator: load the validator first, then read the path on stdin.
    val.add_argument("--wait", action="store_true", help=argparse.SUPPRESS)
    # Spec changes (issue 14): changelog.py, diff.py, upstream.py.
    dif = sub.add_parser("diff", help="compare two OpenAPI documents: exit 0 if unchanged, 1 if changed, 2 on error")
    dif.add_argument("old", type=Path)
    dif.add_argument("new", type=Path)
    dif.add_argument("--json", action="store_true", help="print one JSON document instead of the changelog")
    upd = sub.add_parser("update-spec", help="download Prolific's published document into openapi/sources/, regenerate")
    upd.add_argument("--url", default=upstream.UPSTREAM_URL)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    layout = Layout(args.root.resolve()) if args.root else REPO
    try:
        if args.command == "spec":
            text, notices = spec_text(layout, prune_tables=args.prune_tables)
            changed = write_if_changed(layout.spec, text)
            print(f"openapi/prolific.yaml {'updated' if changed else 'unchanged'}")
        elif args.command == "generate":
            notices = generate(layout, prune_tables=args.prune_tables)
            print(f"generated/{'prolific_api_client'} rebuilt in {time.perf_counter() - started:.2f}s")
        elif args.command == "check":
            lines = drift(layout)
            if lines:
                print("\n".join(lines[:400]))
                more = f" (first 400 of {len(lines)} diff lines shown)" if len(lines) > 400 else ""
                print(
                    f"\nSTALE{more}: the committed openapi/prolific.yaml or generated/ differs from what "
                    "openapi/sources/ produce. Run `make generate` and commit the result; never edit "
                    "generated files by hand.",
                    file=sys.stderr,
                )
                return 1
            print("openapi/prolific.yaml and generated/ match the sources")
            return 0
        elif args.command == "diff":
            return changelog.diff_command(args.old, args.new, as_json=args.json)
        elif args.command == "update-spec":
            return upstream.update_spec(layout.root, layout.sources, args.url, generate=lambda: generate(layout))
        elif args.command == "validate":
            if args.wait:
                import openapi_spec_validator  # noqa: F401 - loaded while the parent builds the spec

                line = sys.stdin.readline().strip()
                if not line:
                    return 0  # the spec did not change: nothing to check
                args.spec = Path(line)
            if args.spec is None:
                parser.error("validate needs the path of an OpenAPI file")
            validate_file(args.spec)
            print(f"{args.spec}: valid OpenAPI")
            return 0
        else:
            target = import_page(args.page, layout.sources, force=args.force)
            print(f"wrote {target.relative_to(layout.root)}; now run `make generate` and review the diff")
            return 0
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for notice in notices:
        print(f"note: {notice}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
