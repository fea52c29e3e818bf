-- The demand the existing models reached when a scenario was run. With total_weight (the demand
-- left to the new sites) it gives the demand of the whole area, the one base of every "% served":
-- the demand left to the new sites depends on the radius, so shares of it could not be compared.
-- Runs saved before this column have none: their shares of the area are unknown, not guessed.
ALTER TABLE planning_scenario ADD COLUMN covered_by_existing bigint CHECK (covered_by_existing >= 0);
