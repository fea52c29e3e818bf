-- Saved what-if runs of the covering model: the inputs a planner chose and the answer
-- the solver gave, so that runs can be compared side by side and exported later.
CREATE TABLE planning_scenario (
    id               bigserial     PRIMARY KEY,
    province_code    varchar(3)    NOT NULL,
    name             varchar(200)  NOT NULL,
    k                integer       NOT NULL CHECK (k BETWEEN 1 AND 100),
    radius_meters    integer       NOT NULL CHECK (radius_meters BETWEEN 100 AND 100000),
    demand           varchar(40)   NOT NULL,
    as_of            date          NOT NULL,
    excluded         text[]        NOT NULL DEFAULT '{}',
    chosen           text[]        NOT NULL,
    covered_weight   bigint        NOT NULL,
    total_weight     bigint        NOT NULL,
    optimal          boolean       NOT NULL,
    gap              double precision NOT NULL,
    created_by       varchar(64)   NOT NULL,
    created_at       timestamptz   NOT NULL,
    CONSTRAINT planning_scenario_province_id UNIQUE (province_code, id)
);
CREATE INDEX planning_scenario_province ON planning_scenario (province_code, created_at);
