-- Counts of any date shown on today's communes ("carried across", docs/structures.md) read
-- the monthly rollup too: each status period also names the commune of today that holds
-- the person's residence (their placement in the structure in force now), and the rollup
-- counts by it beside the commune of the period's own structure. OutdatedResidences places
-- people again when a new structure comes into force, which rewrites this column.

ALTER TABLE person_status_period ADD COLUMN current_commune_code varchar(10);
UPDATE person_status_period s SET current_commune_code = pl.commune_code
FROM person_placement pl JOIN admin_structure st ON st.code = pl.structure AND st.valid_to IS NULL
WHERE pl.province_code = s.province_code AND pl.person_id = s.person_id;

ALTER TABLE status_count_month ADD COLUMN current_commune_code varchar(10) NOT NULL DEFAULT '';
ALTER TABLE status_count_month DROP CONSTRAINT status_count_month_pkey;
ALTER TABLE status_count_month ADD PRIMARY KEY (month, province_code, commune_code, current_commune_code, status);
CREATE INDEX status_count_month_current ON status_count_month (month, province_code, current_commune_code);

-- every period counted again on each month start, now with its commune of today
DELETE FROM status_count_month;
WITH deltas AS (
    SELECT province_code, structure, coalesce(district_code, '') AS district_code, coalesce(commune_code, '') AS commune_code,
           coalesce(current_commune_code, '') AS current_commune_code, status, month_ceil(valid_from) AS m, 1 AS delta,
           valid_to IS NULL OR month_ceil(valid_to) > (SELECT month FROM status_count_horizon) AS open
    FROM person_status_period
    UNION ALL
    SELECT province_code, structure, coalesce(district_code, ''), coalesce(commune_code, ''), coalesce(current_commune_code, ''),
           status, month_ceil(valid_to), -1, false
    FROM person_status_period WHERE valid_to IS NOT NULL
), summed AS (
    SELECT province_code, structure, district_code, commune_code, current_commune_code, status, m, sum(delta) AS delta,
           bool_or(open) AS open
    FROM deltas, status_count_horizon h WHERE m <= h.month GROUP BY 1, 2, 3, 4, 5, 6, 7
), grid AS (
    SELECT k.province_code, k.structure, k.district_code, k.commune_code, k.current_commune_code, k.status, g.m::date AS m
    FROM (SELECT province_code, structure, district_code, commune_code, current_commune_code, status, min(m) AS first,
                 max(m) AS last_change, bool_or(open) AS open
          FROM summed GROUP BY 1, 2, 3, 4, 5, 6) k
    CROSS JOIN status_count_horizon h
    CROSS JOIN LATERAL generate_series(k.first, CASE WHEN k.open THEN h.month ELSE k.last_change END, interval '1 month') AS g(m)
), counted AS (
    SELECT g.m, g.province_code, g.structure, g.district_code, g.commune_code, g.current_commune_code, g.status,
           sum(coalesce(s.delta, 0)) OVER (PARTITION BY g.province_code, g.structure, g.commune_code, g.current_commune_code,
                                                        g.status, g.district_code ORDER BY g.m) AS n
    FROM grid g LEFT JOIN summed s USING (province_code, structure, district_code, commune_code, current_commune_code, status, m)
)
INSERT INTO status_count_month (month, province_code, structure, district_code, commune_code, current_commune_code, status, n)
SELECT m, province_code, structure, nullif(district_code, ''), commune_code, current_commune_code, status, n
FROM counted WHERE n <> 0
ORDER BY 1, 2, 5, 7;
