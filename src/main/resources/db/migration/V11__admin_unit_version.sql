-- A number that changes with every write to admin_unit (new units, new versions, and shapes
-- replaced in place by a boundary import), read by the application as the key of its caches
-- of units and layers: the largest id alone misses a shape replaced in place.
CREATE TABLE admin_unit_version (
    singleton  boolean  PRIMARY KEY DEFAULT true CHECK (singleton),
    n          bigint   NOT NULL
);
INSERT INTO admin_unit_version (n) VALUES (1);

CREATE FUNCTION admin_unit_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE admin_unit_version SET n = n + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER admin_unit_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admin_unit
    FOR EACH STATEMENT EXECUTE FUNCTION admin_unit_version_bump();
