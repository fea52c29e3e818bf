-- Keys ready for distribution by province (Citus, see docs/scaling.md): the primary keys
-- and every foreign or unique key of the person tables lead with province_code, so that a
-- person, their events and their status periods always live on the same shard and the
-- keys can be enforced there. Ids stay unique on their own (sequences), so lookups by id
-- keep an index on id alone.

ALTER TABLE person_status_period DROP CONSTRAINT person_status_period_person_id_fkey;
ALTER TABLE case_event DROP CONSTRAINT case_event_person_id_fkey;
ALTER TABLE case_event DROP CONSTRAINT case_event_supersedes_id_fkey;
ALTER TABLE person DROP CONSTRAINT person_merged_into_id_fkey;

ALTER TABLE person DROP CONSTRAINT person_pkey;
ALTER TABLE person DROP CONSTRAINT person_province_id;
ALTER TABLE person ADD CONSTRAINT person_pkey PRIMARY KEY (province_code, id);
CREATE INDEX person_id ON person (id);
-- a record is merged into one of the same province (a move between provinces is a transfer)
ALTER TABLE person ADD CONSTRAINT person_merged_into FOREIGN KEY (province_code, merged_into_id)
    REFERENCES person (province_code, id);

ALTER TABLE case_event DROP CONSTRAINT case_event_pkey;
ALTER TABLE case_event DROP CONSTRAINT case_event_province_id;
ALTER TABLE case_event ADD CONSTRAINT case_event_pkey PRIMARY KEY (province_code, id);
CREATE INDEX case_event_id ON case_event (id);
ALTER TABLE case_event ADD CONSTRAINT case_event_person FOREIGN KEY (province_code, person_id)
    REFERENCES person (province_code, id);
ALTER TABLE case_event ADD CONSTRAINT case_event_supersedes FOREIGN KEY (province_code, supersedes_id)
    REFERENCES case_event (province_code, id);
DROP INDEX case_event_superseded_once;
CREATE UNIQUE INDEX case_event_superseded_once ON case_event (province_code, supersedes_id) WHERE supersedes_id IS NOT NULL;

ALTER TABLE person_status_period ADD CONSTRAINT person_status_period_person FOREIGN KEY (province_code, person_id)
    REFERENCES person (province_code, id);

-- Units of the synthetic national dataset (bench/national-dataset.sh) have generated shapes.
ALTER TABLE admin_unit DROP CONSTRAINT admin_unit_geometry_source_check;
ALTER TABLE admin_unit ADD CONSTRAINT admin_unit_geometry_source_check
    CHECK (geometry_source IN ('OFFICIAL', 'APPROXIMATE', 'GENERATED'));
