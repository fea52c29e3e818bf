-- Record keys of the cell-key method (docs/disclosure.md): every person and every event gets a
-- random number, fixed for life, from 0 to 2^31 - 1. A cell's key is the sum of its records'
-- keys modulo 2^31, so the same records always give the same key, and so the same noise, however
-- the cell is asked for; the keys never leave the database.

ALTER TABLE person ADD COLUMN record_key integer NOT NULL DEFAULT floor(random() * 2147483648)::integer;
ALTER TABLE case_event ADD COLUMN record_key integer NOT NULL DEFAULT floor(random() * 2147483648)::integer;

-- status periods carry their person's key, and the monthly rollup the sum of its people's keys
ALTER TABLE person_status_period ADD COLUMN record_key integer;
UPDATE person_status_period s SET record_key = p.record_key FROM person p WHERE p.id = s.person_id;
ALTER TABLE person_status_period ALTER COLUMN record_key SET NOT NULL;
-- the projection copies the person's key; a row written without one (a fixture) still gets a key
ALTER TABLE person_status_period ALTER COLUMN record_key SET DEFAULT floor(random() * 2147483648)::integer;

ALTER TABLE status_count_month ADD COLUMN key_sum bigint NOT NULL DEFAULT 0;
UPDATE status_count_month m SET key_sum = k.key_sum
FROM (
    SELECT h.month, s.province_code, coalesce(s.commune_code, '') AS commune_code,
           coalesce(s.current_commune_code, '') AS current_commune_code, s.status, sum(s.record_key::bigint) AS key_sum
    FROM status_count_month h
    JOIN person_status_period s ON s.province_code = h.province_code
         AND coalesce(s.commune_code, '') = h.commune_code AND coalesce(s.current_commune_code, '') = h.current_commune_code
         AND s.status = h.status AND s.valid_from <= h.month AND (s.valid_to IS NULL OR s.valid_to > h.month)
    GROUP BY 1, 2, 3, 4, 5) k
WHERE m.month = k.month AND m.province_code = k.province_code AND m.commune_code = k.commune_code
  AND m.current_commune_code = k.current_commune_code AND m.status = k.status;
