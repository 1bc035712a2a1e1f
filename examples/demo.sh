#!/usr/bin/env bash
# A tour of prolific-client against a local FakeProlific: no account, no network beyond 127.0.0.1.
# Run it with `make demo` (which bootstraps .venv first).
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=.venv/bin/prolific-client
[ -x "$CLI" ] || { echo "error: $CLI not found; run \`make demo\` (it creates .venv first)" >&2; exit 2; }

OUT=$(mktemp)
ERR=$(mktemp)
SERVER=
cleanup() {
    if [ -n "$SERVER" ]; then
        kill "$SERVER" 2>/dev/null || true
        wait "$SERVER" 2>/dev/null || true
    fi
    rm -f "$OUT" "$ERR"
}
trap cleanup EXIT

# The fake API on a free loopback port (--port 0); it prints url=... and token=... when it listens.
"$CLI" fake-server --port 0 >"$OUT" 2>"$ERR" &
SERVER=$!
for _ in $(seq 200); do
    grep -q '^token=' "$OUT" && break
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.05
done
PROLIFIC_URL=$(sed -n 's/^url=//p' "$OUT")
PROLIFIC_TOKEN=$(sed -n 's/^token=//p' "$OUT")
if [ -z "$PROLIFIC_URL" ] || [ -z "$PROLIFIC_TOKEN" ]; then
    echo "error: the fake server did not start:" >&2
    cat "$ERR" >&2
    exit 1
fi
export PROLIFIC_URL PROLIFIC_TOKEN

if [ -t 1 ]; then BOLD=$'\033[1m' PLAIN=$'\033[0m'; else BOLD= PLAIN=; fi
# step TITLE COMMAND...: print the title and the command as you would type it.
step() {
    printf '\n%s== %s%s\n$ prolific-client' "$BOLD" "$1" "$PLAIN"
    printf ' %q' "${@:3}"
    printf '\n'
}
# run TITLE COMMAND...: step, then run it; a failing command shows its exit code instead of ending the tour.
run() {
    step "$@"
    local code=0
    "${@:2}" 2>&1 || code=$?
    if [ "$code" -ne 0 ]; then echo "(exit code $code)"; fi
}

echo "FakeProlific is listening on $PROLIFIC_URL; PROLIFIC_URL and PROLIFIC_TOKEN point the CLI at it."

run "A file with typical spreadsheet mistakes: every bad line is reported, nothing is sent (exit 2)" \
    "$CLI" credentials check examples/credentials-with-mistakes.csv

run "A good file" \
    "$CLI" credentials check examples/credentials.csv

step "Upload it in batches of 5: progress on stderr, the pool id on stdout" \
    "$CLI" credentials upload --workspace demo-workspace --batch-size 5 examples/credentials.csv
"$CLI" credentials upload --workspace demo-workspace --batch-size 5 examples/credentials.csv 2>&1 >"$OUT"
POOL=$(cat "$OUT")
echo "$POOL"

run "Add more credentials to that pool" \
    "$CLI" credentials add "$POOL" examples/more-credentials.csv

run "Add them again: the API answers 409 Conflict and stores nothing (exit 1)" \
    "$CLI" credentials add "$POOL" examples/more-credentials.csv

run "Create a participant group" \
    "$CLI" participant-groups create --name "Pilot wave" --workspace demo-workspace \
    --participant 5e9b9c9b0f9c9a0001b0b1f4 --participant 60a7d3e2c1f4b2a9e8d7c6b5

run "Invite two collaborators (--json: one JSON document on stdout)" \
    "$CLI" --json invitations create --workspace demo-workspace ana@example.org ben@example.org

printf '\nDone with part one; its fake server stops now.\n'
cleanup
SERVER=
trap - EXIT

# Part two: the credential workflow (attach, capacity, top-up, publish, report, reconcile). Its fake
# runs inside the tour's own process, because participants redeeming credentials is a Python call.
printf '\n%s== Part two: the credential workflow, with its own FakeProlific (examples/credential_tour.py)%s\n' "$BOLD" "$PLAIN"
.venv/bin/python examples/credential_tour.py

# Part three: webhooks (listen, subscribe, a participant takes part, the events arrive verified).
printf '\n%s== Part three: webhooks, with its own FakeProlific (examples/webhook_tour.py)%s\n' "$BOLD" "$PLAIN"
.venv/bin/python examples/webhook_tour.py
