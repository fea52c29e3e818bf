-- Boundary files being imported: the features as read and transformed to WGS84, checked
-- before anything changes. Committing copies them into admin_unit as new versions;
-- cancelling or failing leaves admin_unit untouched.
CREATE TABLE boundary_import (
    id              bigserial    PRIMARY KEY,
    province_code   varchar(3)   NOT NULL,
    level           varchar(16)  NOT NULL CHECK (level IN ('DISTRICT', 'COMMUNE')),
    file_name       varchar(300) NOT NULL,
    format          varchar(20)  NOT NULL,
    source_crs      varchar(1000) NOT NULL,
    tolerance_m2    double precision NOT NULL,
    status          varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'COMMITTED', 'CANCELLED')),
    report          jsonb,
    created_by      varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    closed_at       timestamptz,
    CONSTRAINT boundary_import_province_id UNIQUE (province_code, id)
);

CREATE TABLE boundary_import_unit (
    import_id       bigint       NOT NULL REFERENCES boundary_import (id),
    province_code   varchar(3)   NOT NULL,
    position        integer      NOT NULL,
    code            varchar(40)  NOT NULL,
    name            varchar(200),
    -- as read, in WGS84; may be invalid
    geom_read       geometry(Geometry, 4326) NOT NULL,
    -- what a commit would store: the shape made valid, polygons only; null when refused
    geom            geometry(MultiPolygon, 4326),
    valid_reason    varchar(500),
    PRIMARY KEY (province_code, import_id, position)
);
