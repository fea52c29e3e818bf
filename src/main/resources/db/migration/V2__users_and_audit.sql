-- Users: one role and one area each.
CREATE TABLE app_user (
    id                    bigserial    PRIMARY KEY,
    username              varchar(64)  NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name          varchar(200) NOT NULL,
    password_hash         varchar(200) NOT NULL,
    role                  varchar(32)  NOT NULL CHECK (role IN ('ADMIN', 'CITY_LEADER', 'DISTRICT_OFFICER',
                                                              'COMMUNE_OFFICER', 'FACILITY_OFFICER', 'PLANNER')),
    area_type             varchar(16)  CHECK (area_type IN ('PROVINCE', 'DISTRICT', 'COMMUNE', 'FACILITY')),
    area_code             varchar(16),
    enabled               boolean      NOT NULL DEFAULT true,
    must_change_password  boolean      NOT NULL DEFAULT false,
    demo                  boolean      NOT NULL DEFAULT false,
    failed_attempts       integer      NOT NULL DEFAULT 0,
    locked_until          timestamptz,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now(),
    version               bigint       NOT NULL DEFAULT 0,
    CONSTRAINT app_user_area CHECK ((area_type IS NULL) = (area_code IS NULL)),
    CONSTRAINT app_user_area_required CHECK (role = 'ADMIN' OR area_type IS NOT NULL)
);

-- Break the glass: time-limited access of an officer to one record outside their area.
CREATE TABLE access_grant (
    id            bigserial    PRIMARY KEY,
    user_id       bigint       NOT NULL REFERENCES app_user (id),
    subject_type  varchar(32)  NOT NULL,
    subject_id    varchar(64)  NOT NULL,
    reason        varchar(1000) NOT NULL CHECK (length(trim(reason)) >= 10),
    granted_at    timestamptz  NOT NULL,
    expires_at    timestamptz  NOT NULL,
    CHECK (expires_at > granted_at)
);
CREATE INDEX access_grant_lookup ON access_grant (user_id, subject_type, subject_id, expires_at);

-- The audit log: append-only and hash-chained. Each entry's hash covers its content and
-- the previous entry's hash, so an edited or deleted row breaks the chain.
CREATE TABLE audit_entry (
    id              bigint       PRIMARY KEY,
    occurred_at     timestamptz  NOT NULL,
    username        varchar(64)  NOT NULL,
    role            varchar(32),
    area            varchar(40),
    action          varchar(32)  NOT NULL,
    record_type     varchar(32),
    record_ids      text,           -- every id looked at; a map of residences lists them all
    client_address  varchar(64),
    reason          varchar(1000),
    details         varchar(4000),
    previous_hash   char(64)     NOT NULL,
    hash            char(64)     NOT NULL
);
CREATE INDEX audit_entry_user ON audit_entry (username, occurred_at);
CREATE INDEX audit_entry_action ON audit_entry (action, occurred_at);
CREATE INDEX audit_entry_time ON audit_entry (occurred_at);

-- The head of the chain; appends lock this single row, which serialises them.
CREATE TABLE audit_head (
    singleton   boolean  PRIMARY KEY DEFAULT true CHECK (singleton),
    last_id     bigint   NOT NULL,
    last_hash   char(64) NOT NULL
);
INSERT INTO audit_head (last_id, last_hash) VALUES (0, repeat('0', 64));

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
