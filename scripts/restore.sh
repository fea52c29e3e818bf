#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a new, empty database (never over an
# existing one: restore, check, then point the application at it).
#   scripts/restore.sh <file> <new database>
# Against another server, set the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
FILE="${1:?usage: scripts/restore.sh <file> <new database>}"
DB="${2:?usage: scripts/restore.sh <file> <new database>}"
[ -f "$FILE" ] || die "No backup file $FILE"
if [ -z "${PGHOST:-}" ]; then start_database; export PGHOST=localhost PGPORT="$PGPORT" PGUSER="${PGUSER:-postgres}"; fi
PG_BIN="${PG_BIN:-$(pg_bin_dir)}"
if [ "$("$PG_BIN/psql" -d postgres -tAc "select 1 from pg_database where datname = '$DB'")" = "1" ]; then
  die "Database $DB exists: restore into a new database (drop it first if it is a failed restore)"
fi
"$PG_BIN/createdb" "$DB"
# triggers (the audit log's append-only rule, the rollups) are created after the data is in,
# so the rows come back exactly as they were saved
if ! "$PG_BIN/pg_restore" --exit-on-error --no-owner --no-privileges --dbname="$DB" "$FILE"; then
  "$PG_BIN/dropdb" "$DB" || true
  die "Restore of $FILE failed; $DB was removed"
fi
log "Restored $FILE into $DB"
