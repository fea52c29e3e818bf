-- Plans with numbered indicators and targets per city, district or facility. Actuals are
-- never stored: they are computed from the registries for any as-of date.
CREATE TABLE plan (
    id             bigserial    PRIMARY KEY,
    province_code  varchar(3)   NOT NULL,
    number         varchar(60)  NOT NULL,
    issuer         varchar(200) NOT NULL,
    issued_on      date         NOT NULL,
    title          varchar(500) NOT NULL,
    period_from    date         NOT NULL,
    period_to      date         NOT NULL,
    CHECK (period_to >= period_from),
    CONSTRAINT plan_province_id UNIQUE (province_code, id),
    CONSTRAINT plan_number UNIQUE (province_code, number)
);

CREATE TABLE plan_indicator (
    id             bigserial    PRIMARY KEY,
    province_code  varchar(3)   NOT NULL,
    plan_id        bigint       NOT NULL REFERENCES plan (id),
    code           varchar(40)  NOT NULL,
    name           varchar(500) NOT NULL,
    unit           varchar(20)  NOT NULL CHECK (unit IN ('PEOPLE', 'MODELS', 'PERCENT')),
    -- how the actual is computed, e.g. {"kind":"EVENTS","eventTypes":["COMPULSORY_DOSSIER"]}
    definition     jsonb        NOT NULL,
    position       integer      NOT NULL,
    CONSTRAINT plan_indicator_province_id UNIQUE (province_code, id),
    CONSTRAINT plan_indicator_code UNIQUE (plan_id, code)
);

CREATE TABLE plan_target (
    id             bigserial    PRIMARY KEY,
    province_code  varchar(3)   NOT NULL,
    indicator_id   bigint       NOT NULL REFERENCES plan_indicator (id),
    level          varchar(16)  NOT NULL CHECK (level IN ('CITY', 'DISTRICT', 'FACILITY')),
    unit_code      varchar(40)  NOT NULL,
    value          numeric(12, 2) NOT NULL CHECK (value >= 0),
    CONSTRAINT plan_target_province_id UNIQUE (province_code, id),
    CONSTRAINT plan_target_unit UNIQUE (indicator_id, level, unit_code)
);
