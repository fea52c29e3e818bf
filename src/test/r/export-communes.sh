#!/usr/bin/env bash
# Exports a province's communes of today from the database with the people living in each
# (full-precision coordinates) as the GeoJSON that hotspot-fixtures.R reads.
# Usage: src/test/r/export-communes.sh [db] [province] > out.geojson
set -euo pipefail
psql -h localhost -p 55432 -U postgres -d "${1:-socialmap}" -At -c "
select json_build_object('type','FeatureCollection','features', json_agg(json_build_object('type','Feature',
  'properties', json_build_object('code', a.code, 'value', coalesce(n.n, 0)),
  'geometry', ST_AsGeoJSON(a.geom, 17)::json) order by a.code))
from admin_unit a left join (select current_commune_code c, count(*) n from person
  where province_code = '${2:-01}' and merged_into_id is null and current_structure = '2025-07' group by 1) n on n.c = a.code
where a.province_code = '${2:-01}' and a.level = 'COMMUNE' and a.structure = '2025-07' and a.valid_to is null"
