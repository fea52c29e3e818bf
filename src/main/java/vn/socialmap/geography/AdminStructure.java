package vn.socialmap.geography;

import java.time.LocalDate;

/**
 * An administrative structure: the set of units in force between two dates (the three-tier
 * structure of 2022, the commune mergers of January 2025, the two-tier structure of July
 * 2025). Units are identified by structure and code: codes are reused across structures.
 *
 * @param code         e.g. "2022", "2025-01", "2025-07"
 * @param validFrom    first day in force; null for the earliest structure, which also
 *                     serves every earlier date
 * @param validTo      first day no longer in force; null while in force
 * @param hasDistricts whether the structure has a district level between province and commune
 * @param legalBasis   the act or list the structure follows, in Vietnamese
 */
public record AdminStructure(String code, LocalDate validFrom, LocalDate validTo, boolean hasDistricts,
                             String legalBasis) {

    public boolean inForceOn(LocalDate date) {
        return vn.socialmap.base.InForce.on(validFrom, validTo, date);
    }

    /** The last day in force, or null while in force. */
    public LocalDate lastDay() {
        return validTo == null ? null : validTo.minusDays(1);
    }

    /** The translation key of the attribution for this structure's boundaries on a map (gis-data/NOTICE.md). */
    public String attributionKey() {
        return hasDistricts ? "map.source.districts" : "map.source.today";
    }

    /** The levels of the structure, from the top. */
    public java.util.List<AdminLevel> levels() {
        return hasDistricts ? java.util.List.of(AdminLevel.PROVINCE, AdminLevel.DISTRICT, AdminLevel.COMMUNE)
                : java.util.List.of(AdminLevel.PROVINCE, AdminLevel.COMMUNE);
    }

    /** The level below {@code level} in this structure, if any. */
    public java.util.Optional<AdminLevel> below(AdminLevel level) {
        int i = levels().indexOf(level);
        return i < 0 || i == levels().size() - 1 ? java.util.Optional.empty() : java.util.Optional.of(levels().get(i + 1));
    }
}
