#!/usr/bin/env bash
# A tour of prolific-client against a local FakeProlific: no account, no network beyond 127.0.0.1.
# Run with `make demo` (it bootstraps .venv first).
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=.venv/bin/prolific-client
LOG=$(mktemp)

"$CLI" fake-server --port 0 >"$LOG" 2>/dev/null &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 100); do grep -q '^url=' "$LOG" && break; sleep 0.05; done
export PROLIFIC_URL=$(sed -n 's/^url=//p' "$LOG")
export PROLIFIC_TOKEN=$(sed -n 's/^token=//p' "$LOG")
[ -n "$PROLIFIC_URL" ] || { echo "the fake server did not start" >&2; exit 1; }

step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "${*:2}"; }
run() { step "$@"; "${@:2}" || echo "(exit code $?)"; }

echo "FakeProlific is listening on $PROLIFIC_URL (token in PROLIFIC_TOKEN)"
run "A file with typical spreadsheet mistakes: every bad line is reported, nothing is sent" \
    "$CLI" credentials check examples/credentials-with-mistakes.csv
run "A good file" "$CLI" credentials check examples/credentials.csv
step "Upload it in batches of 5 (progress on stderr, the pool id on stdout)" \
    "$CLI" credentials upload --workspace demo-workspace --batch-size 5 examples/credentials.csv
POOL=$("$CLI" credentials upload --workspace demo-workspace --batch-size 5 examples/credentials.csv)
echo "$POOL"
run "Add more credentials to the pool" "$CLI" credentials add "$POOL" examples/more-credentials.csv
run "Adding them again: the API answers 409 Conflict, nothing is stored (exit 1)" \
    "$CLI" credentials add "$POOL" examples/more-credentials.csv
run "Create a participant group" \
    "$CLI" participant-groups create --name "Pilot wave" --workspace demo-workspace --participant 5e9b9c9b0f9c9a0001b0b1f4
run "Invite two collaborators (JSON output)" \
    "$CLI" --json invitations create --workspace demo-workspace ana@example.org ben@example.org
printf '\nDone. The fake server stops now.\n'
