-- The case registry's counting rules, each stated once for SQL (issue 20). Queries and the V10
-- rollups read them from here; PathRules states the same rules for the path replay, and
-- EffectiveEventsTest and StatusOnDateTest hold the two languages to the same answers.

-- Whether events of a type count at all: a withdrawal (VOID) takes back the event it supersedes
-- and is not a fact about the person itself. Inlined by the planner.
CREATE FUNCTION event_type_counts(type varchar) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT type <> 'VOID' $$;

-- The events that count: of a type that counts, and not superseded by a correction or a
-- withdrawal. Every count of events reads this view, or is kept in step with it (the V10
-- rollups below).
CREATE VIEW effective_case_event AS
SELECT e.*
FROM case_event e
WHERE event_type_counts(e.type)
  AND NOT EXISTS (SELECT 1 FROM case_event c WHERE c.province_code = e.province_code AND c.supersedes_id = e.id);

-- A status period holds on a day from valid_from up to the day before valid_to, and while
-- valid_to is null (PathRules.Period.covers). Inlined by the planner, so the indexes on
-- valid_from and valid_to still serve the queries that use it.
CREATE FUNCTION status_held(valid_from date, valid_to date, day date) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT valid_from <= day AND (valid_to IS NULL OR valid_to > day) $$;

-- The V10 rollups, re-stated on the rules above; their behaviour is unchanged.
CREATE OR REPLACE FUNCTION refresh_person_service(provinces varchar[], persons bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    WITH old AS (
        DELETE FROM person_service_year y USING unnest(provinces, persons) AS a (province_code, person_id)
        WHERE y.province_code = a.province_code AND y.person_id = a.person_id
        RETURNING y.province_code, y.first_day)
    INSERT INTO service_first_day AS s (province_code, first_day, n)
    SELECT province_code, first_day, -count(*) FROM old GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (province_code, first_day) DO UPDATE SET n = s.n + excluded.n;

    WITH fresh AS (
        INSERT INTO person_service_year (province_code, person_id, year, first_day)
        SELECT e.province_code, e.person_id, extract(year FROM e.event_date)::integer, min(e.event_date)
        FROM (SELECT DISTINCT * FROM unnest(provinces, persons) AS a (province_code, person_id)) a
        JOIN effective_case_event e ON e.person_id = a.person_id AND e.province_code = a.province_code
        WHERE is_service(e.type)
        GROUP BY 1, 2, 3
        RETURNING province_code, first_day)
    INSERT INTO service_first_day AS s (province_code, first_day, n)
    SELECT province_code, first_day, count(*) FROM fresh GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (province_code, first_day) DO UPDATE SET n = s.n + excluded.n;
END;
$$;

-- The day counts change by what a statement adds to effective_case_event and takes from it: its
-- new events of a type that counts, less the events they supersede (each event is superseded at
-- most once, V3, so those counted until now).
CREATE OR REPLACE FUNCTION case_event_rollups_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- sorted keys: concurrent writers lock rollup rows in the same order
    INSERT INTO event_count_day AS d (province_code, type, event_date, kind, at_facility, n)
    SELECT province_code, type, event_date, kind, at_facility, sum(delta) FROM (
        SELECT r.province_code, r.type, r.event_date, coalesce(r.details ->> 'kind', ''), r.facility_code IS NOT NULL, 1
        FROM new_events r WHERE event_type_counts(r.type)
        UNION ALL
        SELECT o.province_code, o.type, o.event_date, coalesce(o.details ->> 'kind', ''), o.facility_code IS NOT NULL, -1
        FROM new_events r JOIN case_event o ON o.province_code = r.province_code AND o.id = r.supersedes_id
        WHERE event_type_counts(o.type)
    ) x (province_code, type, event_date, kind, at_facility, delta)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (province_code, type, event_date, kind, at_facility) DO UPDATE SET n = d.n + excluded.n;

    -- a new service earlier in its year than the person's first so far moves the first day
    WITH candidate AS (
        SELECT province_code, person_id, extract(year FROM event_date)::integer AS year, min(event_date) AS first_day
        FROM new_events WHERE is_service(type) AND supersedes_id IS NULL GROUP BY 1, 2, 3),
    moved AS (
        SELECT c.*, y.first_day AS previous FROM candidate c
        LEFT JOIN person_service_year y ON y.province_code = c.province_code AND y.person_id = c.person_id AND y.year = c.year
        WHERE y.first_day IS NULL OR c.first_day < y.first_day),
    written AS (
        INSERT INTO person_service_year (province_code, person_id, year, first_day)
        SELECT province_code, person_id, year, first_day FROM moved ORDER BY 1, 2, 3
        ON CONFLICT (province_code, person_id, year) DO UPDATE SET first_day = excluded.first_day)
    INSERT INTO service_first_day AS s (province_code, first_day, n)
    SELECT province_code, day, sum(delta) FROM (
        SELECT province_code, first_day, 1 FROM moved
        UNION ALL
        SELECT province_code, previous, -1 FROM moved WHERE previous IS NOT NULL
    ) x (province_code, day, delta)
    GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
    ON CONFLICT (province_code, first_day) DO UPDATE SET n = s.n + excluded.n;

    -- corrections and withdrawals can take a service away or move it: those people are recomputed
    IF EXISTS (SELECT 1 FROM new_events WHERE supersedes_id IS NOT NULL) THEN
        PERFORM refresh_person_service(array_agg(province_code), array_agg(person_id))
        FROM (SELECT DISTINCT province_code, person_id FROM new_events WHERE supersedes_id IS NOT NULL) p;
    END IF;
    RETURN NULL;
END;
$$;
