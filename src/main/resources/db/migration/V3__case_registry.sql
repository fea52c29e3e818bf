-- The case registry: people who use drugs and their path as dated events. Every table
-- carries the province code, part of a unique key, so that it can be distributed by
-- province later (Citus) without changing keys.

CREATE TABLE person (
    id                       bigserial    PRIMARY KEY,
    province_code            varchar(3)   NOT NULL,
    full_name                varchar(200) NOT NULL,
    name_folded              varchar(200) NOT NULL,
    birth_date               date         NOT NULL,
    sex                      varchar(8)   NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
    national_id              varchar(12),
    permanent_commune_code   varchar(10)  NOT NULL,
    permanent_address        varchar(300),
    current_commune_code     varchar(10)  NOT NULL,
    current_district_code    varchar(10)  NOT NULL,
    current_address          varchar(300),
    current_point            geometry(Point, 4326),
    occupation               varchar(200),
    notes                    varchar(2000),
    merged_into_id           bigint       REFERENCES person (id),
    demo                     boolean      NOT NULL DEFAULT false,
    created_by               varchar(64)  NOT NULL,
    created_at               timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL,
    version                  bigint       NOT NULL DEFAULT 0,
    CONSTRAINT person_province_id UNIQUE (province_code, id),
    CONSTRAINT person_national_id_digits CHECK (national_id IS NULL OR national_id ~ '^[0-9]{12}$')
);
-- One live record per national ID (merged records keep theirs for history).
CREATE UNIQUE INDEX person_national_id ON person (national_id) WHERE national_id IS NOT NULL AND merged_into_id IS NULL;
CREATE INDEX person_district ON person (province_code, current_district_code) WHERE merged_into_id IS NULL;
CREATE INDEX person_commune ON person (current_commune_code) WHERE merged_into_id IS NULL;
CREATE INDEX person_name ON person (name_folded text_pattern_ops);
CREATE INDEX person_name_birth ON person (name_folded, birth_date);
CREATE INDEX person_point ON person USING gist (current_point);

-- Events: facts with a date; never updated or deleted. A correction is a new event that
-- supersedes an earlier one.
CREATE TABLE case_event (
    id               bigserial    PRIMARY KEY,
    province_code    varchar(3)   NOT NULL,
    person_id        bigint       NOT NULL REFERENCES person (id),
    type             varchar(40)  NOT NULL,
    event_date       date         NOT NULL,
    facility_code    varchar(200),
    details          jsonb        NOT NULL DEFAULT '{}'::jsonb,
    supersedes_id    bigint       REFERENCES case_event (id),
    recorded_by      varchar(64)  NOT NULL,
    recorded_at      timestamptz  NOT NULL,
    demo             boolean      NOT NULL DEFAULT false,
    CONSTRAINT case_event_province_id UNIQUE (province_code, id)
);
CREATE INDEX case_event_person ON case_event (person_id, event_date, id);
CREATE INDEX case_event_type_date ON case_event (province_code, type, event_date);
CREATE UNIQUE INDEX case_event_superseded_once ON case_event (supersedes_id) WHERE supersedes_id IS NOT NULL;

CREATE FUNCTION case_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- merging two records moves events to the surviving person; nothing else changes
    IF TG_OP = 'UPDATE' AND NEW.person_id <> OLD.person_id
       AND (NEW.type, NEW.event_date, NEW.details, NEW.recorded_by, NEW.recorded_at)
           IS NOT DISTINCT FROM (OLD.type, OLD.event_date, OLD.details, OLD.recorded_by, OLD.recorded_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'case_event is append-only (% refused); record a correction instead', TG_OP;
END;
$$;
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE ON case_event
    FOR EACH ROW EXECUTE FUNCTION case_event_append_only();

-- Status periods: a projection of the events, rebuilt for a person in the same transaction
-- as every change to their events, so that "status on a date" is one indexed query.
-- Never written by anything else.
CREATE TABLE person_status_period (
    person_id        bigint       NOT NULL REFERENCES person (id),
    province_code    varchar(3)   NOT NULL,
    district_code    varchar(10)  NOT NULL,
    commune_code     varchar(10)  NOT NULL,
    status           varchar(32)  NOT NULL,
    facility_code    varchar(200),
    valid_from       date         NOT NULL,
    valid_to         date,
    PRIMARY KEY (province_code, person_id, status, valid_from)
);
CREATE INDEX person_status_period_lookup ON person_status_period (province_code, status, valid_from, valid_to);
CREATE INDEX person_status_period_person ON person_status_period (person_id);
