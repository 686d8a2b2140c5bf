#!/usr/bin/env bash
# Runs the four DAO modules' tests, the registration race and the PgBouncer profile test through PgBouncer in
# transaction mode (Debian's PgBouncer 1.18, installed when missing), started on a free loopback port in front of
# the test PostgreSQL (UPSTREAM_HOST/UPSTREAM_PORT, default 127.0.0.1:5432), then stops it. See docs/SCALING.md.
# Extra arguments go to Maven (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
# PgBouncer goes in front of the server PG_TEST_URL names (default 127.0.0.1:5432, database test).
if [[ "${PG_TEST_URL:-}" =~ ^jdbc:postgresql://([^:/?]+)(:([0-9]+))?/([^?]*) ]]; then
  export UPSTREAM_HOST="${BASH_REMATCH[1]}" UPSTREAM_PORT="${BASH_REMATCH[3]:-5432}"
  database="${BASH_REMATCH[4]}"
fi
run_dir="$(mktemp -d /tmp/pgbouncer-tests.XXXXXX)"
chmod 755 "$run_dir"
stop() {
  if [ -s "$run_dir/pgbouncer.pid" ]; then
    kill "$(cat "$run_dir/pgbouncer.pid")" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -e "$run_dir/pgbouncer.pid" ] || break; sleep 0.1; done
  fi
  rm -rf "$run_dir"
}
trap stop EXIT
port="$(scripts/pgbouncer/start.sh "$run_dir")"
echo "PgBouncer $(pgbouncer --version | head -1) in transaction mode on 127.0.0.1:$port"
# The connection profile for PgBouncer 1.18 in transaction mode: no server-side prepared statements.
export PG_TEST_URL="jdbc:postgresql://127.0.0.1:$port/${database:-test}?user=postgres&prepareThreshold=0"
echo "PG_TEST_URL: $PG_TEST_URL"
# -am builds the modules the tests need from this tree (never from ~/.m2); the filters keep only the DAO modules'
# tests (the race tests among them) and the profile test: their database tests (*IT, Failsafe, -Dit.test) and their
# plain unit tests (*Test, Surefire, -Dtest). RegistrationFaultRaceIT is left out: it terminates server backends
# found in pg_stat_activity, and under transaction pooling its killer's own statements run on those same shared
# backends, so it terminates itself (see docs/SCALING.md); broken connections are tested directly.
mvn -B -fae "$@" verify -pl crushlu-dao,vinsdelux-dao,matching-dao,entreprinder-dao,integration-tests -am \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dtest='lu/entreprinder/persistence/crushlu/**/*Test,lu/entreprinder/persistence/vinsdelux/**/*Test,lu/entreprinder/persistence/matching/**/*Test,lu/entreprinder/persistence/entreprinder/**/*Test' \
    -Dit.test='lu/entreprinder/persistence/crushlu/**/*IT,lu/entreprinder/persistence/vinsdelux/**/*IT,lu/entreprinder/persistence/matching/**/*IT,lu/entreprinder/persistence/entreprinder/**/*IT,TransactionPoolingProfileIT,!RegistrationFaultRaceIT'
echo "PgBouncer log (last lines):"
tail -n 5 "$run_dir/pgbouncer.log" || true
