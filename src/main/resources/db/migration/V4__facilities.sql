-- The service network: rehab facilities, providers, Methadone clinics, designated health
-- facilities, counseling points, post-rehab support models and police-reported hotspots.
CREATE TABLE facility (
    id              bigserial    PRIMARY KEY,
    province_code   varchar(3)   NOT NULL,
    type            varchar(32)  NOT NULL CHECK (type IN ('PUBLIC_REHAB', 'PRIVATE_REHAB', 'COMMUNITY_PROVIDER',
                                                          'METHADONE_CLINIC', 'DESIGNATED_HEALTH', 'COUNSELING_POINT',
                                                          'POST_REHAB_MODEL', 'HOTSPOT')),
    -- code used by other records, e.g. "1".."7" for Hanoi's public rehab facilities
    code            varchar(40),
    name            varchar(300) NOT NULL,
    name_folded     varchar(300) NOT NULL,
    address         varchar(300),
    commune_code    varchar(10)  NOT NULL,
    district_code   varchar(10)  NOT NULL,
    location        geometry(Point, 4326) NOT NULL,
    phone           varchar(40),
    email           varchar(200),
    contact_person  varchar(200),
    status          varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    status_since    date         NOT NULL,
    details         jsonb        NOT NULL DEFAULT '{}'::jsonb,
    demo            boolean      NOT NULL DEFAULT false,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0,
    CONSTRAINT facility_province_id UNIQUE (province_code, id),
    CONSTRAINT facility_code_unique UNIQUE (province_code, type, code)
);
CREATE INDEX facility_location ON facility USING gist (location);
CREATE INDEX facility_type ON facility (province_code, type, status);
CREATE INDEX facility_commune ON facility (commune_code);

-- Every change of a facility, with what it was before: the registry's history.
CREATE TABLE facility_change (
    id             bigserial    PRIMARY KEY,
    province_code  varchar(3)   NOT NULL,
    facility_id    bigint       NOT NULL REFERENCES facility (id),
    changed_at     timestamptz  NOT NULL,
    changed_by     varchar(64)  NOT NULL,
    what           varchar(32)  NOT NULL,
    before         jsonb,
    after          jsonb        NOT NULL,
    CONSTRAINT facility_change_province_id UNIQUE (province_code, id)
);
CREATE INDEX facility_change_facility ON facility_change (facility_id, changed_at);
