-- Administrative units of every level, versioned by validity dates so that the 2022
-- structure (province, district, commune) and later ones (the 2025 reform without
-- districts, official boundary imports) live side by side.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE admin_unit (
    id               bigserial    PRIMARY KEY,
    code             varchar(10)  NOT NULL,
    level            varchar(16)  NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    name             varchar(200) NOT NULL,
    -- lower-case name without Vietnamese diacritics, for search
    name_folded      varchar(200) NOT NULL,
    unit_type        varchar(64)  NOT NULL,
    parent_code      varchar(10),
    province_code    varchar(3)   NOT NULL,
    geom             geometry(MultiPolygon, 4326) NOT NULL,
    geometry_source  varchar(16)  NOT NULL CHECK (geometry_source IN ('OFFICIAL', 'APPROXIMATE')),
    valid_from       date         NOT NULL,
    valid_to         date,
    CONSTRAINT admin_unit_validity CHECK (valid_to IS NULL OR valid_to > valid_from),
    CONSTRAINT admin_unit_parent CHECK ((level = 'PROVINCE') = (parent_code IS NULL)),
    -- one version of a unit at any date
    CONSTRAINT admin_unit_no_overlapping_versions
        EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to) WITH &&)
);

CREATE INDEX admin_unit_geom_gix ON admin_unit USING gist (geom);
CREATE INDEX admin_unit_province_level ON admin_unit (province_code, level);
CREATE INDEX admin_unit_parent ON admin_unit (parent_code);
CREATE INDEX admin_unit_name_folded ON admin_unit (name_folded text_pattern_ops);
