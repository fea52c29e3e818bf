#!/usr/bin/env bash
# Load run on the synthetic national dataset (make it first: bench/national-dataset.sh):
# starts the application jar against socialmap_national on port 8090, lets LoadBenchmark's
# users (default 200) browse for the given seconds (default 300), and prints latencies,
# throughput, errors and the server's heap per signed-in session (after a full GC). The first
# warm-up seconds (default 60: class loading, JIT) are browsed but not timed. Users read
# 0.5-1.5 s after every request (a stress pace, default); "4000-12000" as the fourth argument
# reads 4-12 s after each action (a page with its data, a search, a record), a person's pace.
#   bench/load.sh [users] [seconds] [warm-up seconds] [reading ms, min-max]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
PORT=8090
USERS="${1:-200}"
SECONDS_RUN="${2:-300}"
WARM_UP="${3:-60}"
THINK="${4:-500-1500}"
start_national_app $PORT target/load-app.log
app=$APP_PID
heap() { "$JAVA_HOME/bin/jcmd" $app GC.run >/dev/null; sleep 2; "$JAVA_HOME/bin/jcmd" $app GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1; }
before=$(heap)
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.socialmap.bench.LoadBenchmark "http://localhost:$PORT" "jdbc:postgresql://localhost:$PGPORT/socialmap_national" "$USERS" "$SECONDS_RUN" "$WARM_UP" "$THINK"
after=$(heap)
echo
echo "Server heap after a full GC: $((before / 1024)) MB before the users signed in, $((after / 1024)) MB after the run"
echo "(their sessions still open): $(( (after - before) / USERS )) KB per signed-in session"
