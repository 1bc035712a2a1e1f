"""The order the test files start in (used by tests/conftest.py's ``pytest_collection_modifyitems``)."""

# The files that take longest (seconds of one run on 2 idle cores, `pytest --durations`), started first:
# the test runner hands each worker a whole file (--dist loadfile), and a long file handed out last keeps
# one worker busy after the others have finished (measured: 4 workers, one core kept busy, the last 3% of
# the tests took 90 s). With `make test`'s --no-loadscope-reorder the files run in this order, then the
# others in collection order. The order changes nothing else: each file's tests stay in their own order.
SLOWEST_FIRST = [
    "pipeline/test_spec_drift.py",  # 46 s: two real generator runs, then the drift cases
    "docs/test_docs_site.py",  # 35 s: mkdocs build, Chromium
    "bench/test_bench_smoke.py",  # 27 s: every benchmark row once
    "docs/test_guides.py",  # 19 s: every guide in a fresh process against fake-server
    "pipeline/test_spec_changelog.py",  # 16 s
    "examples/test_demo.py",  # 15 s: make demo
    "pipeline/test_spec_build.py",  # 14 s
    "packaging/test_wheel.py",  # 12 s
    "packaging/test_sdist.py",  # 12 s
    "examples/test_examples.py",  # 10 s
    "bonuses/test_bonus_exactly_once.py",  # 9 s
    "pipeline/test_spec_survival.py",  # 9 s
    "pipeline/test_spec_import.py",  # 9 s
    "contract/test_fake_schemathesis.py",  # 9 s
    "webhooks/test_exactly_once.py",  # 9 s
    "typing/test_user_types.py",  # 8 s
]
