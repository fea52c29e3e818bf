#!/usr/bin/env bash
# Provisions everything like run.sh, then runs every test against a real PostGIS
# (a fresh database socialmap_test in the project-local cluster) and a real Chromium.
#   ./test.sh                   all tests
#   ./test.sh -Dtest=SomeTest   extra Maven arguments are passed through
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

find_jdk
ensure_node
ensure_chromium
if [ -z "${SOCIALMAP_TEST_DATASOURCE_URL:-}" ]; then
  # In CI nothing should outlive the run; locally the cluster stays up for the next one.
  [ "${CI:-}" = "true" ] && trap stop_database EXIT
  start_database
  "$PG_BIN/dropdb" -h localhost -p "$PGPORT" -U postgres --if-exists --force socialmap_test
  "$PG_BIN/createdb" -h localhost -p "$PGPORT" -U postgres socialmap_test
  SOCIALMAP_TEST_DATASOURCE_URL="jdbc:postgresql://localhost:$PGPORT/socialmap_test"
fi
log "Testing against $SOCIALMAP_TEST_DATASOURCE_URL"
# LogPrivacyTest reads this run's log only
rm -rf target/test-logs
./mvnw -B verify -Dsocialmap.test.datasource.url="$SOCIALMAP_TEST_DATASOURCE_URL" "$@"
