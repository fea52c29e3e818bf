-- Drug-free communes ("xã, phường không ma túy", Decision 28/2025/QĐ-TTg): decisions on a
-- commune's status for a year, and evidence for the criteria the registry cannot compute.
-- Both are append-only: a new decision or a new evidence entry is a new row, and the
-- current one is the latest, so the history of who decided what and when is kept.

CREATE TABLE drug_free_assessment (
    id             bigserial    PRIMARY KEY,
    province_code  varchar(3)   NOT NULL,
    -- a commune of today's structure (the one the decision names)
    structure      varchar(10)  NOT NULL,
    commune_code   varchar(10)  NOT NULL,
    year           integer      NOT NULL CHECK (year BETWEEN 2025 AND 2100),
    status         varchar(16)  NOT NULL CHECK (status IN ('PROPOSED', 'RECOGNISED', 'LOST')),
    -- the authority that decided, e.g. "Hội đồng xét duyệt địa bàn cấp xã không ma túy TP Hà Nội"
    decided_by     varchar(300) NOT NULL,
    decided_on     date         NOT NULL,
    reference      varchar(200),
    recorded_by    varchar(64)  NOT NULL,
    recorded_at    timestamptz  NOT NULL,
    demo           boolean      NOT NULL DEFAULT false
);
CREATE INDEX drug_free_assessment_commune ON drug_free_assessment (province_code, year, commune_code, decided_on);

CREATE TABLE drug_free_evidence (
    id             bigserial    PRIMARY KEY,
    province_code  varchar(3)   NOT NULL,
    structure      varchar(10)  NOT NULL,
    commune_code   varchar(10)  NOT NULL,
    year           integer      NOT NULL CHECK (year BETWEEN 2025 AND 2100),
    -- a criterion id of the settings (socialmap.drug-free.criteria)
    criterion      varchar(40)  NOT NULL,
    -- the value entered (a count: offences, venues, plants...)
    value          integer      NOT NULL CHECK (value >= 0),
    evidence       varchar(2000) NOT NULL,
    document       varchar(300),
    recorded_by    varchar(64)  NOT NULL,
    recorded_at    timestamptz  NOT NULL,
    demo           boolean      NOT NULL DEFAULT false
);
CREATE INDEX drug_free_evidence_commune ON drug_free_evidence (province_code, year, commune_code, criterion);

-- Decisions and evidence are facts: corrections are new rows, never changes.
CREATE FUNCTION drug_free_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.demo THEN
        RETURN OLD; -- demo rows may be replaced by a newer demo edition
    END IF;
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER drug_free_assessment_append_only BEFORE UPDATE OR DELETE ON drug_free_assessment
    FOR EACH ROW EXECUTE FUNCTION drug_free_append_only();
CREATE TRIGGER drug_free_evidence_append_only BEFORE UPDATE OR DELETE ON drug_free_evidence
    FOR EACH ROW EXECUTE FUNCTION drug_free_append_only();

-- Plans count communes (drug-free communes of Plans 290/KH-UBND and 08/KH-UBND).
ALTER TABLE plan_indicator DROP CONSTRAINT plan_indicator_unit_check;
ALTER TABLE plan_indicator ADD CONSTRAINT plan_indicator_unit_check CHECK (unit IN ('PEOPLE', 'MODELS', 'PERCENT', 'COMMUNES'));
