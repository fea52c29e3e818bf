#!/usr/bin/env bash
# Verifies the audit log's hash chain; exit 0 when intact, 1 when broken (names the first
# broken entry). Uses SPRING_DATASOURCE_URL, else the project-local database.
#   scripts/verify-audit.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
find_jdk
if [ -z "${SPRING_DATASOURCE_URL:-}" ]; then
  start_database socialmap
  export SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PGPORT/socialmap"
  export SPRING_DATASOURCE_USERNAME="${SPRING_DATASOURCE_USERNAME:-postgres}"
fi
jar=$(ls target/socialmap-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$jar" ] || die "Build first: ./mvnw -DskipTests package (or ./run.sh)"
exec "$JAVA_HOME/bin/java" -jar "$jar" --server.port=0 --server.address=127.0.0.1 --logging.level.root=WARN --verify-audit
