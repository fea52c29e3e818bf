-- A dated row (an administrative unit, a court's commune, a facility's operator) is in force on a
-- day from valid_from (inclusive; null: since before anything known) to valid_to (exclusive; null:
-- still). Java states the same rule in base.InForce; InForceTest holds the two equal. Written
-- in SQL so that the planner inlines it and the indexes on the columns still serve.
CREATE FUNCTION in_force(valid_from date, valid_to date, day date) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT (valid_from IS NULL OR valid_from <= day) AND (valid_to IS NULL OR valid_to > day) $$;
