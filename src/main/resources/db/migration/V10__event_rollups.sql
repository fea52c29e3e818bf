-- Rollups of events for plan progress at city level, added up over provinces by the national
-- report instead of scanning ten million events. Kept by triggers on case_event, in the
-- writing transaction, so that every path that records events (forms, imports with COPY,
-- corrections, withdrawals, merges) keeps them exact. Events are append-only (V3): an insert
-- adds an event and may make the one it supersedes ineffective; an update only moves events
-- to a surviving person.

-- Effective events per province, type, day, support kind ('' when none) and whether at a facility.
CREATE TABLE event_count_day (
    province_code  varchar(3)   NOT NULL,
    type           varchar(40)  NOT NULL,
    event_date     date         NOT NULL,
    kind           text         NOT NULL,
    at_facility    boolean      NOT NULL,
    n              integer      NOT NULL,
    PRIMARY KEY (province_code, type, event_date, kind, at_facility)
);

-- Each person's first effective service of each year, and how many people had their first
-- service of the year on each day: the people reached by services from 1 January to a date
-- are a sum of the latter (a distinct count of people made additive).
CREATE TABLE person_service_year (
    province_code  varchar(3)  NOT NULL,
    person_id      bigint      NOT NULL,
    year           integer     NOT NULL,
    first_day      date        NOT NULL,
    PRIMARY KEY (province_code, person_id, year)
);
CREATE TABLE service_first_day (
    province_code  varchar(3)  NOT NULL,
    first_day      date        NOT NULL,
    n              integer     NOT NULL,
    PRIMARY KEY (province_code, first_day)
);

-- The events that count as a service reaching a person (CaseIndicators.REACHED).
CREATE FUNCTION is_service(type varchar) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT type IN ('ADDICTION_DETERMINATION', 'VOLUNTARY_COMMUNITY_START', 'VOLUNTARY_FACILITY_ADMISSION',
                   'COMPULSORY_ADMISSION', 'DETOX', 'METHADONE_START', 'POST_REHAB_START', 'SUPPORT') $$;

-- Recomputes the people's first services from their effective events.
CREATE FUNCTION refresh_person_service(provinces varchar[], persons bigint[]) RETURNS void LANGUAGE plpgsql AS $$
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
        JOIN case_event e ON e.person_id = a.person_id AND e.province_code = a.province_code
        WHERE is_service(e.type)
          AND NOT EXISTS (SELECT 1 FROM case_event c WHERE c.province_code = e.province_code AND c.supersedes_id = e.id)
        GROUP BY 1, 2, 3
        RETURNING province_code, first_day)
    INSERT INTO service_first_day AS s (province_code, first_day, n)
    SELECT province_code, first_day, count(*) FROM fresh GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (province_code, first_day) DO UPDATE SET n = s.n + excluded.n;
END;
$$;

CREATE FUNCTION case_event_rollups_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- new effective events count; an event superseded by a new one stops counting (sorted keys:
    -- concurrent writers lock rollup rows in the same order)
    INSERT INTO event_count_day AS d (province_code, type, event_date, kind, at_facility, n)
    SELECT province_code, type, event_date, kind, at_facility, sum(delta) FROM (
        SELECT r.province_code, r.type, r.event_date, coalesce(r.details ->> 'kind', ''), r.facility_code IS NOT NULL, 1
        FROM new_events r WHERE r.type <> 'VOID'
        UNION ALL
        SELECT o.province_code, o.type, o.event_date, coalesce(o.details ->> 'kind', ''), o.facility_code IS NOT NULL, -1
        FROM new_events r JOIN case_event o ON o.province_code = r.province_code AND o.id = r.supersedes_id
        WHERE o.type <> 'VOID'
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
CREATE TRIGGER case_event_rollups_insert AFTER INSERT ON case_event
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION case_event_rollups_insert();

-- A merge moves events to the surviving person: both people's first services are recomputed
-- (the day counts do not change, as events keep their province, type, day and details).
CREATE FUNCTION case_event_rollups_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_person_service(array_agg(province_code), array_agg(person_id))
    FROM (SELECT province_code, person_id FROM old_events UNION SELECT province_code, person_id FROM new_events) p;
    RETURN NULL;
END;
$$;
CREATE TRIGGER case_event_rollups_update AFTER UPDATE ON case_event
    REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION case_event_rollups_update();

-- What is already recorded.
INSERT INTO event_count_day (province_code, type, event_date, kind, at_facility, n)
SELECT e.province_code, e.type, e.event_date, coalesce(e.details ->> 'kind', ''), e.facility_code IS NOT NULL, count(*)
FROM case_event e
WHERE e.type <> 'VOID'
  AND NOT EXISTS (SELECT 1 FROM case_event c WHERE c.province_code = e.province_code AND c.supersedes_id = e.id)
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO person_service_year (province_code, person_id, year, first_day)
SELECT e.province_code, e.person_id, extract(year FROM e.event_date)::integer, min(e.event_date)
FROM case_event e
WHERE is_service(e.type)
  AND NOT EXISTS (SELECT 1 FROM case_event c WHERE c.province_code = e.province_code AND c.supersedes_id = e.id)
GROUP BY 1, 2, 3;

INSERT INTO service_first_day (province_code, first_day, n)
SELECT province_code, first_day, count(*) FROM person_service_year GROUP BY 1, 2;
