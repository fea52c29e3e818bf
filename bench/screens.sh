#!/usr/bin/env bash
# Server time of building each screen for one user alone, on the synthetic national dataset
# (make it first: bench/national-dataset.sh). Starts the application jar on port 8090 and
# navigates one Vaadin UI between the map, the plan dashboard and the person list.
#   bench/screens.sh [account] [runs]     (default: a district officer of Hanoi, 30 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
PORT=8090
start_national_app $PORT target/screens-app.log
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.socialmap.bench.ScreenBenchmark "http://localhost:$PORT" "${1:-district-001}" "${2:-30}"
