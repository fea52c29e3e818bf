#!/usr/bin/env bash
# Analytics benchmark: Gi*, local Moran, E2SFCA and the covering model on Hanoi and on a
# national-size synthetic input, Gi* timed against R spdep (Debian r-cran-spdep, r-cran-sf;
# installed here if missing). Prints a Markdown table. Usage: bench/analytics.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
find_jdk
if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'library(spdep); library(sf)' >/dev/null 2>&1; then
  apt_install r-cran-spdep r-cran-sf
fi
./mvnw -B -q -DskipTests -P-production test-compile
./mvnw -B -q -P-production dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  vn.socialmap.bench.AnalyticsBenchmark bench/data/hanoi-communes.geojson "${1:-9}"
