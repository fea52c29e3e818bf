#!/usr/bin/env bash
# Generates the synthetic national dataset in the database socialmap_national of the
# project's PostGIS cluster (dropped and created again): today's 34 provinces and 3,321
# communes (real boundaries), Hanoi and Da Nang with their history and demo data, the other
# 32 provinces with people and events to the totals given (default 1,000,000 and
# 10,000,000) spread over their communes by population, written with COPY; prints the time.
#   bench/national-dataset.sh [persons] [events]
# Other benchmarks use the database afterwards (bench/national.sh, bench/load.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
PERSONS="${1:-1000000}"
EVENTS="${2:-10000000}"
DB=socialmap_national

find_jdk
start_database
"$PG_BIN/dropdb" -h localhost -p "$PGPORT" -U postgres --if-exists --force "$DB"
"$PG_BIN/createdb" -h localhost -p "$PGPORT" -U postgres "$DB"
ensure_node
log "Building the application jar"
./mvnw -B -q -DskipTests package
jar=$(ls target/socialmap-*.jar | grep -v original | head -1)
log "Generating $PERSONS people and about $EVENTS events into $DB"
start=$(date +%s)
"$JAVA_HOME/bin/java" ${JAVA_OPTS:--Xmx8g} -jar "$jar" --server.port=0 \
  --spring.datasource.url="jdbc:postgresql://localhost:$PGPORT/$DB" --spring.datasource.username=postgres \
  --socialmap.demo.enabled=true --socialmap.national.generate=true \
  --socialmap.national.persons="$PERSONS" --socialmap.national.events="$EVENTS" 2>&1 \
  | grep -E "NATIONAL DATASET|National dataset: [0-9]+ provinces|ERROR|Exception" || true
end=$(date +%s)
"$PG_BIN/psql" -h localhost -p "$PGPORT" -U postgres -d "$DB" -Atc "select 'units of today ' || count(*) from admin_unit where structure = '2025-07' and valid_to is null" \
  -c "select 'persons ' || count(*) from person" -c "select 'events ' || count(*) from case_event" \
  -c "select 'status periods ' || count(*) from person_status_period" \
  -c "select 'database size ' || pg_size_pretty(pg_database_size(current_database()))"
echo "BENCH national dataset: $((end - start)) s in all (application start, units, people, analyze)"
