-- Vietnamese lists of people are in the order of the given name (the last word of the full name),
-- then the family and middle names, each by the Vietnamese alphabet (a < ă < â, d < đ, tones after
-- the letter): "Nguyễn Văn An" before "Bùi Thị Bình", "Trần Anh" before "Đỗ Đức Ánh"; a note in
-- brackets after the name (the demo's "(mẫu)", an alias) is not a name. These two
-- columns are that key, stated once; the list's indexes (V12, V13) are rebuilt on them so that a page is
-- still read in order.
ALTER TABLE person
    ADD COLUMN given_name text COLLATE "vi-x-icu"
        GENERATED ALWAYS AS (regexp_replace(regexp_replace(btrim(full_name), '\s*\([^)]*\)$', ''), '^.*\s', '')) STORED,
    ADD COLUMN family_and_middle_name text COLLATE "vi-x-icu"
        GENERATED ALWAYS AS (regexp_replace(regexp_replace(btrim(full_name), '\s*\([^)]*\)$', ''), '\s*\S+$', '')) STORED;

DROP INDEX person_former_district_name;
DROP INDEX person_province_name;
DROP INDEX person_commune_name;
CREATE INDEX person_former_district_name ON person (former_district_code, given_name, family_and_middle_name, id)
    WHERE merged_into_id IS NULL;
CREATE INDEX person_province_name ON person (province_code, given_name, family_and_middle_name, id)
    WHERE merged_into_id IS NULL;
CREATE INDEX person_commune_name ON person (current_commune_code, given_name, family_and_middle_name, id)
    WHERE merged_into_id IS NULL;
