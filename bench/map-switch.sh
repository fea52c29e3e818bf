#!/usr/bin/env bash
# The map in Chromium: open it today and on 30/06/2022, and switch between the two structures
# by changing the date; times until every unit is drawn. On the synthetic national dataset
# (bench/national-dataset.sh first). Usage: bench/map-switch.sh [account] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_chromium
PORT=8090
start_national_app $PORT target/map-switch-app.log
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.socialmap.bench.MapSwitchBenchmark "http://localhost:$PORT" "${1:-leader}" "${2:-15}"
