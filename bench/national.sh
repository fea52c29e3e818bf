#!/usr/bin/env bash
# Response times on the synthetic national dataset (make it first: bench/national-dataset.sh):
# starts the application jar against the database socialmap_national on port 8090, times
# the hot requests through it and prints a Markdown table. Usage: bench/national.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
DB=socialmap_national
PORT=8090
find_jdk
start_database
"$PG_BIN/psql" -h localhost -p "$PGPORT" -U postgres -d "$DB" -Atc "select 1" >/dev/null 2>&1 \
  || die "No database $DB: run bench/national-dataset.sh first"
ensure_node
./mvnw -B -q -DskipTests package
./mvnw -B -q -P-production dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
jar=$(ls target/socialmap-*.jar | grep -v original | head -1)
log "Starting the application on port $PORT against $DB"
"$JAVA_HOME/bin/java" ${JAVA_OPTS:--Xmx4g} -jar "$jar" --server.port=$PORT \
  --spring.datasource.url="jdbc:postgresql://localhost:$PGPORT/$DB" --spring.datasource.username=postgres \
  --socialmap.demo.enabled=true > target/national-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  curl -sf -o /dev/null "http://localhost:$PORT/login" && break
  kill -0 $app 2>/dev/null || die "The application stopped; see target/national-app.log"
  sleep 1
done
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.socialmap.bench.NationalBenchmark "http://localhost:$PORT" "jdbc:postgresql://localhost:$PGPORT/$DB" "${1:-30}"
