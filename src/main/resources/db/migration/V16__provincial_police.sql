-- The provincial police's drug-crime division (PC04) runs rehab since 1 March 2025: a role of its own,
-- over the whole province.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('ADMIN', 'CITY_LEADER', 'DISTRICT_OFFICER',
    'COMMUNE_OFFICER', 'FACILITY_OFFICER', 'PLANNER', 'PROVINCIAL_POLICE'));
