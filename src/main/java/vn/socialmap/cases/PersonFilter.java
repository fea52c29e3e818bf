package vn.socialmap.cases;

import java.time.LocalDate;

/**
 * Filters of the person list; null fields do not filter.
 *
 * @param status   persons holding this status on {@code date}
 * @param date     the date for {@code status} (default: today)
 * @param query    name (ignoring diacritics, from the start of any word) or national ID
 * @param ageGroup "12-17", "18-29", "30-44", "45+" (age on {@code date})
 */
public record PersonFilter(String districtCode, String communeCode, PathStatus status, LocalDate date,
                           String facilityCode, String ageGroup, Sex sex, String query) {

    public static PersonFilter none() {
        return new PersonFilter(null, null, null, null, null, null, null, null);
    }
}
