-- Administrative structures in force by date (docs/structures.md). GSO codes are reused
-- across structures (00004 was Phường Trúc Bạch until 2025 and is Phường Ba Đình since
-- 1 July 2025): a unit is identified by its structure and code, never by code alone.
-- A null lower date means "since before any record", a null upper date "still in force".

CREATE TABLE admin_structure (
    code           varchar(16)  PRIMARY KEY,
    valid_from     date,
    valid_to       date,
    has_districts  boolean      NOT NULL,
    legal_basis    varchar(500) NOT NULL,
    CONSTRAINT admin_structure_validity CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from),
    CONSTRAINT admin_structure_no_overlap EXCLUDE USING gist (daterange(valid_from, valid_to) WITH &&)
);
INSERT INTO admin_structure (code, valid_from, valid_to, has_districts, legal_basis) VALUES
    ('2022', NULL, '2025-01-01', true,
     'Danh mục đơn vị hành chính (Tổng cục Thống kê, 10/04/2022): tỉnh, huyện, xã'),
    ('2025-01', '2025-01-01', '2025-07-01', true,
     'Sắp xếp đơn vị hành chính cấp xã giai đoạn 2023-2025 (Nghị quyết 1286/NQ-UBTVQH15 đối với Hà Nội)'),
    ('2025-07', '2025-07-01', NULL, false,
     'Chính quyền địa phương hai cấp (Nghị quyết 202/2025/QH15; Nghị quyết 1656/NQ-UBTVQH15 đối với Hà Nội)');

-- Every unit loaded so far is of the 2022 structure, which ended on 31 December 2024.
ALTER TABLE admin_unit ADD COLUMN structure varchar(16) REFERENCES admin_structure (code);
ALTER TABLE admin_unit ADD COLUMN population integer CHECK (population >= 0);
ALTER TABLE admin_unit ADD COLUMN area_km2 numeric(10, 2);
ALTER TABLE admin_unit ALTER COLUMN valid_from DROP NOT NULL;
ALTER TABLE admin_unit DROP CONSTRAINT admin_unit_validity;
ALTER TABLE admin_unit ADD CONSTRAINT admin_unit_validity
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from);
UPDATE admin_unit SET structure = '2022';
-- shapes imported after the structure ended (boundary imports of 2025-2026) become its last shape
UPDATE admin_unit u SET geom = n.geom, geometry_source = n.geometry_source
FROM admin_unit n
WHERE n.code = u.code AND n.valid_from >= '2025-01-01' AND u.valid_from < '2025-01-01' AND u.valid_to = n.valid_from;
DELETE FROM admin_unit WHERE valid_from >= '2025-01-01';
UPDATE admin_unit SET valid_to = '2025-01-01' WHERE valid_to IS NULL OR valid_to > '2025-01-01';
-- a unit's first version holds since the structure began
UPDATE admin_unit u SET valid_from = NULL
WHERE valid_from = (SELECT min(f.valid_from) FROM admin_unit f WHERE f.code = u.code AND f.structure = u.structure);
ALTER TABLE admin_unit ALTER COLUMN structure SET NOT NULL;
ALTER TABLE admin_unit DROP CONSTRAINT admin_unit_no_overlapping_versions;
ALTER TABLE admin_unit ADD CONSTRAINT admin_unit_no_overlapping_versions
    EXCLUDE USING gist (structure WITH =, code WITH =, daterange(valid_from, valid_to) WITH &&);
DROP INDEX admin_unit_province_level;
DROP INDEX admin_unit_parent;
CREATE INDEX admin_unit_structure_level ON admin_unit (structure, province_code, level);
CREATE INDEX admin_unit_structure_parent ON admin_unit (structure, parent_code);
CREATE INDEX admin_unit_structure_code ON admin_unit (structure, code);

-- Which structures of which province have been loaded, and how their approximate shapes
-- were made: a new derivation re-derives the approximate shapes (never official ones).
CREATE TABLE admin_structure_load (
    province_code  varchar(3)   NOT NULL,
    structure      varchar(16)  NOT NULL REFERENCES admin_structure (code),
    derivation     varchar(40)  NOT NULL,
    loaded_at      timestamptz  NOT NULL,
    -- what the load repaired or assigned without evidence (invalid shapes, slivers), one per line
    notes          text,
    PRIMARY KEY (province_code, structure)
);
INSERT INTO admin_structure_load (province_code, structure, derivation, loaded_at)
SELECT DISTINCT province_code, '2022', 'district-voronoi', now() FROM admin_unit;

-- The crosswalks between structures, as data: each unit of the earlier structure and a unit
-- of the later one it went into, whole or in part, on a date, with the source of the row.
CREATE TABLE admin_unit_succession (
    id                        bigserial    PRIMARY KEY,
    level                     varchar(16)  NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    predecessor_structure     varchar(16)  NOT NULL REFERENCES admin_structure (code),
    predecessor_province      varchar(3)   NOT NULL,
    predecessor_code          varchar(10)  NOT NULL,
    predecessor_name          varchar(200) NOT NULL,
    successor_structure       varchar(16)  NOT NULL REFERENCES admin_structure (code),
    successor_province        varchar(3)   NOT NULL,
    successor_code            varchar(10)  NOT NULL,
    kind                      varchar(8)   NOT NULL CHECK (kind IN ('WHOLE', 'PART')),
    effective_date            date         NOT NULL,
    -- estimated share of the predecessor's residents who went to the successor (1 when whole)
    population_share          double precision CHECK (population_share > 0 AND population_share <= 1),
    source                    varchar(300) NOT NULL,
    evidence                  varchar(500),
    CONSTRAINT admin_unit_succession_pair
        UNIQUE (predecessor_structure, predecessor_code, successor_structure, successor_code, level)
);
CREATE INDEX admin_unit_succession_successor ON admin_unit_succession (successor_structure, successor_code);

-- Where each person's residence lies in every structure of their province: the commune the
-- user entered (RECORDED) or an officer chose (CONFIRMED), the one holding the residence
-- point (POINT), the only successor or predecessor (WHOLE), the one the address names
-- (ADDRESS), or, when none of these decides, the candidate with the largest population
-- share (PROVISIONAL), listed for the candidate communes' officers to confirm or move.
-- A person's events and status periods belong to the placement of the structure in force
-- on their dates; counts on another structure are carried by the placement there.
CREATE TABLE person_placement (
    province_code  varchar(3)   NOT NULL,
    person_id      bigint       NOT NULL,
    structure      varchar(16)  NOT NULL REFERENCES admin_structure (code),
    -- null: no unit of this structure holds the residence (it lay in another province then)
    commune_code   varchar(10),
    district_code  varchar(10),
    method         varchar(16)  NOT NULL
        CHECK (method IN ('RECORDED', 'CONFIRMED', 'POINT', 'WHOLE', 'ADDRESS', 'PROVISIONAL')),
    candidates     varchar(10)[],
    decided_by     varchar(64),
    decided_at     timestamptz,
    PRIMARY KEY (province_code, person_id, structure),
    CONSTRAINT person_placement_person FOREIGN KEY (province_code, person_id) REFERENCES person (province_code, id)
);
CREATE INDEX person_placement_commune ON person_placement (structure, commune_code);
CREATE INDEX person_placement_review ON person_placement USING gin (candidates) WHERE method = 'PROVISIONAL';

-- A person's residence is in the structure in force today; the district of the last
-- structure that had districts is kept beside it ("former district", the area of the
-- district officers' accounts). The application places every person whose residence is
-- of an earlier structure when it starts.
ALTER TABLE person ADD COLUMN current_structure varchar(16) REFERENCES admin_structure (code);
ALTER TABLE person ADD COLUMN permanent_structure varchar(16) REFERENCES admin_structure (code);
UPDATE person SET current_structure = '2022', permanent_structure = '2022';
ALTER TABLE person ALTER COLUMN current_structure SET NOT NULL;
ALTER TABLE person ALTER COLUMN permanent_structure SET NOT NULL;
ALTER TABLE person RENAME COLUMN current_district_code TO former_district_code;
ALTER TABLE person ALTER COLUMN former_district_code DROP NOT NULL;
ALTER INDEX person_district_name RENAME TO person_former_district_name;
CREATE INDEX person_outdated_structure ON person (current_structure);

-- Status periods are split where the structure changes; each piece belongs to the unit the
-- person's residence had in the structure of its dates.
ALTER TABLE person_status_period ADD COLUMN structure varchar(16) REFERENCES admin_structure (code);
UPDATE person_status_period SET structure = '2022';
ALTER TABLE person_status_period ALTER COLUMN structure SET NOT NULL;
ALTER TABLE person_status_period ALTER COLUMN district_code DROP NOT NULL;
ALTER TABLE person_status_period ALTER COLUMN commune_code DROP NOT NULL;
ALTER TABLE status_count_month ADD COLUMN structure varchar(16) REFERENCES admin_structure (code);
UPDATE status_count_month SET structure = '2022';
ALTER TABLE status_count_month ALTER COLUMN structure SET NOT NULL;
ALTER TABLE status_count_month ALTER COLUMN district_code DROP NOT NULL;

-- Facilities: the commune of today's structure holding the location, and the former district.
ALTER TABLE facility ADD COLUMN unit_structure varchar(16) REFERENCES admin_structure (code);
UPDATE facility SET unit_structure = '2022';
ALTER TABLE facility ALTER COLUMN unit_structure SET NOT NULL;
ALTER TABLE facility ALTER COLUMN district_code DROP NOT NULL;

-- Accounts: the structure of their area (district officers keep the districts of 2025-01,
-- the last structure with districts; commune officers are of today's communes).
ALTER TABLE app_user ADD COLUMN area_structure varchar(16) REFERENCES admin_structure (code);
UPDATE app_user SET area_structure = CASE area_type WHEN 'DISTRICT' THEN '2025-01' WHEN 'COMMUNE' THEN '2022' END;
ALTER TABLE app_user ADD CONSTRAINT app_user_area_structure
    CHECK ((area_type IN ('DISTRICT', 'COMMUNE')) = (area_structure IS NOT NULL));

-- Plans and their targets, saved planning scenarios and boundary imports name units of one structure.
ALTER TABLE plan ADD COLUMN unit_structure varchar(16) REFERENCES admin_structure (code);
UPDATE plan SET unit_structure = '2022';
ALTER TABLE plan ALTER COLUMN unit_structure SET NOT NULL;
ALTER TABLE planning_scenario ADD COLUMN unit_structure varchar(16) REFERENCES admin_structure (code);
UPDATE planning_scenario SET unit_structure = '2022';
ALTER TABLE planning_scenario ALTER COLUMN unit_structure SET NOT NULL;
ALTER TABLE boundary_import ADD COLUMN structure varchar(16) REFERENCES admin_structure (code);
UPDATE boundary_import SET structure = '2022';
ALTER TABLE boundary_import ALTER COLUMN structure SET NOT NULL;

-- The demo data set loaded, so that a new generator or end date replaces it.
CREATE TABLE demo_edition (
    province_code  varchar(3)   PRIMARY KEY,
    edition        varchar(80)  NOT NULL,
    loaded_at      timestamptz  NOT NULL
);
