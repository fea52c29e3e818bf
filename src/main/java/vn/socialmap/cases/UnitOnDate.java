package vn.socialmap.cases;

/**
 * The unit a person's residence had on a date, in the structure in force that day: the
 * unit the person's events and statuses of that date belong to.
 */
public record UnitOnDate(String structure, String communeCode, String communeName, String districtCode, String districtName,
                         PlacementMethod method) {
}
