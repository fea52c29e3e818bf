-- Status counts at national size (docs/scaling.md): counting the status periods alive on a
-- date reads millions of rows. status_count_month holds, per commune and status, the number
-- of periods alive on the first day of every month up to a horizon; the count on any date
-- is the month's row plus the periods that began and minus those that ended since, which
-- two small index range scans find. StatusRollup keeps it in step with every write of
-- person_status_period, in the same transaction.

CREATE TABLE status_count_month (
    month          date         NOT NULL,
    province_code  varchar(3)   NOT NULL,
    district_code  varchar(10)  NOT NULL,
    commune_code   varchar(10)  NOT NULL,
    status         varchar(32)  NOT NULL,
    n              integer      NOT NULL,
    PRIMARY KEY (month, province_code, commune_code, status)
) WITH (fillfactor = 80); -- room on each page for the updates of edits (HOT)

-- The last month with rows; a single row that writers share-lock and the monthly advance
-- updates, so that no write is missed by a month being added meanwhile.
CREATE TABLE status_count_horizon (
    singleton  boolean  PRIMARY KEY DEFAULT true CHECK (singleton),
    month      date     NOT NULL CHECK (month = date_trunc('month', month))
);

-- The first month start on or after a date: a period counts on month starts m with
-- month_ceil(valid_from) <= m < month_ceil(valid_to).
CREATE FUNCTION month_ceil(d date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT (date_trunc('month', d - 1) + interval '1 month')::date $$;

INSERT INTO status_count_horizon (month) VALUES (date_trunc('month', current_date)::date);

-- Every period already projected, counted on each month start from its first to the horizon.
WITH deltas AS (
    SELECT province_code, district_code, commune_code, status, month_ceil(valid_from) AS m, 1 AS delta
    FROM person_status_period
    UNION ALL
    SELECT province_code, district_code, commune_code, status, month_ceil(valid_to), -1
    FROM person_status_period WHERE valid_to IS NOT NULL
), summed AS (
    SELECT province_code, district_code, commune_code, status, m, sum(delta) AS delta
    FROM deltas, status_count_horizon h WHERE m <= h.month GROUP BY 1, 2, 3, 4, 5
), grid AS (
    SELECT k.province_code, k.district_code, k.commune_code, k.status, g.m::date AS m
    FROM (SELECT province_code, district_code, commune_code, status, min(m) AS first FROM summed GROUP BY 1, 2, 3, 4) k
    CROSS JOIN status_count_horizon h
    CROSS JOIN LATERAL generate_series(k.first, h.month, interval '1 month') AS g(m)
)
INSERT INTO status_count_month (month, province_code, district_code, commune_code, status, n)
SELECT g.m, g.province_code, g.district_code, g.commune_code, g.status,
       sum(coalesce(s.delta, 0)) OVER (PARTITION BY g.province_code, g.commune_code, g.status, g.district_code ORDER BY g.m)
FROM grid g LEFT JOIN summed s USING (province_code, district_code, commune_code, status, m)
ORDER BY 1, 2, 4, 5; -- a month's rows together on disk: a count reads one month

-- Periods that began or ended in a stretch of days, without reading the table.
CREATE INDEX person_status_period_from ON person_status_period (valid_from)
    INCLUDE (province_code, district_code, commune_code, status);
CREATE INDEX person_status_period_to ON person_status_period (valid_to)
    INCLUDE (province_code, district_code, commune_code, status) WHERE valid_to IS NOT NULL;

-- Person search by the start of a national ID.
CREATE INDEX person_national_id_prefix ON person (national_id varchar_pattern_ops) WHERE merged_into_id IS NULL;

-- Person search by name: consecutive words, the last one a prefix ("nguyen van hu" finds
-- "Nguyễn Văn Hùng"), anywhere in the name. The index holds each word and each pair of
-- neighbouring words ("nguyen_van", "van_hung"), so a typed name meets short posting lists
-- even when its words are the commonest of the country.
CREATE FUNCTION name_words(name text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple', name) || coalesce((
        SELECT array_to_tsvector(array_agg(w1 || '_' || w2)) FROM (
            SELECT w AS w1, lead(w) OVER (ORDER BY i) AS w2
            FROM unnest(regexp_split_to_array(trim(regexp_replace(name, '[^a-z0-9]+', ' ', 'g')), ' '))
                 WITH ORDINALITY AS t(w, i)) x
        WHERE w2 IS NOT NULL), ''::tsvector)
$$;
CREATE INDEX person_name_pairs ON person USING gin (name_words(name_folded)) WHERE merged_into_id IS NULL;
