#!/usr/bin/env bash
# Backs up a database with pg_dump in its custom format (compressed, restorable table by
# table): every table, the audit log and its hash chain included.
#   scripts/backup.sh [database] [file]
# Defaults: the database socialmap of the project cluster, backups/socialmap-<UTC time>.dump.
# Against another server, set the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
DB="${1:-socialmap}"
FILE="${2:-backups/$DB-$(date -u +%Y%m%dT%H%M%SZ).dump}"
if [ -z "${PGHOST:-}" ]; then start_database; export PGHOST=localhost PGPORT="$PGPORT" PGUSER="${PGUSER:-postgres}"; fi
PG_BIN="${PG_BIN:-$(pg_bin_dir)}"
mkdir -p "$(dirname "$FILE")"
# one consistent snapshot; --no-owner/--no-privileges: restorable under another role
"$PG_BIN/pg_dump" --format=custom --compress=6 --no-owner --no-privileges --dbname="$DB" --file="$FILE.partial"
mv "$FILE.partial" "$FILE"
log "Backup of $DB written to $FILE ($(du -h "$FILE" | cut -f1))"
echo "$FILE"
