#!/usr/bin/env bash
# Stops or starts the project-local PostgreSQL cluster (the one run.sh and test.sh provision).
# Used by the fault tests to take the database away under a running application.
#   scripts/database.sh stop|start|status
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
case "${1:-}" in
  stop) stop_database ;;
  start) start_database ;;
  status) PG_BIN="$(pg_bin_dir)"; pg_run "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" status ;;
  *) die "usage: scripts/database.sh stop|start|status" ;;
esac
