#!/usr/bin/env bash
# Load run on the synthetic national dataset (make it first: bench/national-dataset.sh):
# starts the application jar against socialmap_national on port 8090, lets LoadBenchmark's
# users (default 200) browse for the given seconds (default 300), and prints latencies,
# throughput, errors and the server's heap per signed-in session (after a full GC).
#   bench/load.sh [users] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
DB=socialmap_national
PORT=8090
USERS="${1:-200}"
SECONDS_RUN="${2:-300}"
find_jdk
start_database
"$PG_BIN/psql" -h localhost -p "$PGPORT" -U postgres -d "$DB" -Atc "select 1" >/dev/null 2>&1 \
  || die "No database $DB: run bench/national-dataset.sh first"
ensure_node
./mvnw -B -q -DskipTests package
./mvnw -B -q -P-production dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
jar=$(ls target/socialmap-*.jar | grep -v original | head -1)
log "Starting the application on port $PORT against $DB"
"$JAVA_HOME/bin/java" ${JAVA_OPTS:--Xmx3g} -jar "$jar" --server.port=$PORT \
  --spring.datasource.url="jdbc:postgresql://localhost:$PGPORT/$DB" --spring.datasource.username=postgres \
  --socialmap.demo.enabled=true > target/load-app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  curl -sf -o /dev/null "http://localhost:$PORT/login" && break
  kill -0 $app 2>/dev/null || die "The application stopped; see target/load-app.log"
  sleep 1
done
heap() { "$JAVA_HOME/bin/jcmd" $app GC.run >/dev/null; sleep 2; "$JAVA_HOME/bin/jcmd" $app GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1; }
before=$(heap)
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.socialmap.bench.LoadBenchmark "http://localhost:$PORT" "jdbc:postgresql://localhost:$PGPORT/$DB" "$USERS" "$SECONDS_RUN"
after=$(heap)
echo
echo "Server heap after a full GC: $((before / 1024)) MB before the users signed in, $((after / 1024)) MB after the run"
echo "(their sessions still open): $(( (after - before) / USERS )) KB per signed-in session"
