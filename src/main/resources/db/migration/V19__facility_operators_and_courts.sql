-- Issue 19. Who runs a rehab facility over time, which facilities were merged into which, and the
-- regional People's Courts with the communes each covers. Facts carry their source; a fact not
-- found in any published text is marked assumed (or partial), never presented as known.
-- Periods are [valid_from, valid_to): valid_to is the first day no longer covered, null while
-- open; a null valid_from means "since before the registry knows".

-- The day a facility began (null: before the registry knows). A facility formed by a merger did not
-- exist before it, so maps and lists as of an earlier date must not show it.
ALTER TABLE facility ADD COLUMN opened_on date;

-- Rehab facilities are identified by their code in the province, as person_status_period and
-- the plans' facility targets identify them; operator and succession rows therefore hold the
-- code, and stay true whether or not the facility row is registered yet.
CREATE TABLE facility_operator (
    id              bigserial    PRIMARY KEY,
    province_code   varchar(3)   NOT NULL,
    facility_code   varchar(40)  NOT NULL,
    operator_kind   varchar(32)  NOT NULL CHECK (operator_kind IN ('LABOUR_DEPARTMENT', 'PROVINCIAL_POLICE')),
    operator_name   varchar(300) NOT NULL,
    valid_from      date,
    valid_to        date,
    source          varchar(500) NOT NULL,
    CONSTRAINT facility_operator_validity CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to > valid_from),
    -- one operator at a time
    CONSTRAINT facility_operator_no_overlap EXCLUDE USING gist (
        province_code WITH =, facility_code WITH =, daterange(valid_from, valid_to) WITH &&)
);

CREATE TABLE facility_succession (
    province_code     varchar(3)   NOT NULL,
    predecessor_code  varchar(40)  NOT NULL,
    successor_code    varchar(40)  NOT NULL,
    succession_date   date         NOT NULL,
    source            varchar(500) NOT NULL,
    -- true where no published text says so: the row is the product's best guess
    assumed           boolean      NOT NULL,
    PRIMARY KEY (province_code, predecessor_code, successor_code),
    CONSTRAINT facility_succession_not_self CHECK (predecessor_code <> successor_code)
);
CREATE INDEX facility_succession_successor ON facility_succession (province_code, successor_code);

-- Hà Nội: the labour department's 7 public facilities until 28/02/2025, merged into 4 facilities of
-- the city police's drug-crime division (PC04) from 01/03/2025 (docs/research/law-120-2025.md §4).
INSERT INTO facility_operator (province_code, facility_code, operator_kind, operator_name, valid_from, valid_to, source)
SELECT '01', n::text, 'LABOUR_DEPARTMENT', 'Sở Lao động - Thương binh và Xã hội Hà Nội', NULL, DATE '2025-03-01',
       'hanoimoi.vn 01/03/2025; tienphong.vn 26/02/2025 (docs/research/law-120-2025.md §4)'
FROM generate_series(1, 7) n;
INSERT INTO facility_operator (province_code, facility_code, operator_kind, operator_name, valid_from, valid_to, source)
SELECT '01', 'PC04-' || n, 'PROVINCIAL_POLICE',
       'Phòng Cảnh sát điều tra tội phạm về ma túy (PC04), Công an TP Hà Nội', DATE '2025-03-01', NULL,
       'hanoimoi.vn 01/03/2025; tienphong.vn 26/02/2025 (docs/research/law-120-2025.md §4)'
FROM generate_series(1, 4) n;

INSERT INTO facility_succession (province_code, predecessor_code, successor_code, succession_date, source, assumed) VALUES
    ('01', '1', 'PC04-1', DATE '2025-03-01', 'police-press reprint https://tiki.pro.vn/?p=40490 (medium-high; docs/research/law-120-2025.md §4)', false),
    ('01', '2', 'PC04-1', DATE '2025-03-01', 'police-press reprint https://tiki.pro.vn/?p=40490 (medium-high; docs/research/law-120-2025.md §4)', false),
    ('01', '4', 'PC04-1', DATE '2025-03-01', 'police-press reprint https://tiki.pro.vn/?p=40490 (medium-high; docs/research/law-120-2025.md §4)', false),
    -- by geography of the registered sites: old 7 (Sóc Sơn) to số 2 (Tân Minh, Sóc Sơn); old 3 (Ba Vì) and
    -- old 5 (Thạch Thất) to số 3 (Xuân Sơn, Sơn Tây), their nearest new site; old 6 (Gia Lâm) to số 4
    -- (Xuân Phương, Nam Từ Liêm), the nearest of the sites left
    ('01', '7', 'PC04-2', DATE '2025-03-01', 'assumed: no published mapping found (docs/research/law-120-2025.md §4)', true),
    ('01', '3', 'PC04-3', DATE '2025-03-01', 'assumed: no published mapping found (docs/research/law-120-2025.md §4)', true),
    ('01', '5', 'PC04-3', DATE '2025-03-01', 'assumed: no published mapping found (docs/research/law-120-2025.md §4)', true),
    ('01', '6', 'PC04-4', DATE '2025-03-01', 'assumed: no published mapping found (docs/research/law-120-2025.md §4)', true);

-- Regional People's Courts (Tòa án nhân dân khu vực, Resolution 81/2025/UBTVQH15, from 01/07/2025)
-- and the communes of today's structure each covers. Admins keep the table: the annex was only
-- partly found, so most communes have no court yet.
CREATE TABLE regional_court (
    code           varchar(20)  PRIMARY KEY,
    name           varchar(300) NOT NULL,
    province_code  varchar(3)   NOT NULL,
    source         varchar(500) NOT NULL
);
CREATE INDEX regional_court_province ON regional_court (province_code, code);

CREATE TABLE regional_court_commune (
    id              bigserial    PRIMARY KEY,
    court_code      varchar(20)  NOT NULL REFERENCES regional_court (code),
    unit_structure  varchar(16)  NOT NULL REFERENCES admin_structure (code),
    commune_code    varchar(10)  NOT NULL,
    valid_from      date         NOT NULL,
    valid_to        date,
    source          varchar(500) NOT NULL,
    CONSTRAINT regional_court_commune_validity CHECK (valid_to IS NULL OR valid_to > valid_from),
    -- a commune lies in one court's area at any date
    CONSTRAINT regional_court_commune_one_court EXCLUDE USING gist (
        unit_structure WITH =, commune_code WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX regional_court_commune_court ON regional_court_commune (court_code);

INSERT INTO regional_court (code, name, province_code, source)
SELECT 'HN-KV' || n, 'Tòa án nhân dân khu vực ' || n || ' - Hà Nội', '01',
       'Resolution 81/2025/UBTVQH15, annex section 12, as quoted by nvcs.vn (docs/research/law-120-2025.md §3)'
FROM generate_series(1, 12) n;

INSERT INTO regional_court_commune (court_code, unit_structure, commune_code, valid_from, source)
SELECT court, '2025-07', commune, DATE '2025-07-01',
       'Resolution 81/2025/UBTVQH15, annex section 12, as quoted by nvcs.vn (medium; docs/research/law-120-2025.md §3)'
FROM (VALUES
    -- court 1: Hoàn Kiếm, Cửa Nam, Ba Đình, Ngọc Hà, Giảng Võ, Hồng Hà, Tây Hồ, Phú Thượng
    ('HN-KV1', '00070'), ('HN-KV1', '00082'), ('HN-KV1', '00004'), ('HN-KV1', '00008'),
    ('HN-KV1', '00025'), ('HN-KV1', '00097'), ('HN-KV1', '00103'), ('HN-KV1', '00091'),
    -- court 2: Đống Đa, Kim Liên, Văn Miếu - Quốc Tử Giám, Láng, Ô Chợ Dừa, Thanh Xuân, Khương Đình, Phương Liệt
    ('HN-KV2', '00235'), ('HN-KV2', '00229'), ('HN-KV2', '00226'), ('HN-KV2', '00199'),
    ('HN-KV2', '00190'), ('HN-KV2', '00367'), ('HN-KV2', '00364'), ('HN-KV2', '00352'),
    -- court 3: Hai Bà Trưng, Vĩnh Tuy, Bạch Mai, Lĩnh Nam, Hoàng Mai, Vĩnh Hưng, Tương Mai, Định Công, Hoàng Liệt, Yên Sở
    ('HN-KV3', '00256'), ('HN-KV3', '00283'), ('HN-KV3', '00292'), ('HN-KV3', '00328'), ('HN-KV3', '00331'),
    ('HN-KV3', '00301'), ('HN-KV3', '00322'), ('HN-KV3', '00316'), ('HN-KV3', '00337'), ('HN-KV3', '00340')
) AS c (court, commune);

-- court 4: the part of its list the source shows (the text is cut off). Phường Yên Hoà (00175) is
-- written "Yên Hòa" in the source: the same name with the tone mark placed the other way.
INSERT INTO regional_court_commune (court_code, unit_structure, commune_code, valid_from, source)
SELECT 'HN-KV4', '2025-07', commune, DATE '2025-07-01',
       'partial: Resolution 81/2025/UBTVQH15, annex section 12, as quoted by nvcs.vn; the list is cut off '
           || '(low-medium; docs/research/law-120-2025.md §3)'
FROM unnest(ARRAY['00166', '00160', '00175', '00613', '00619', '00611', '00602', '00598', '00592', '00622', '00634'])
    AS commune;
