package vn.socialmap.courts;

import java.time.LocalDate;

/**
 * A commune of today's structure in a court's area from {@code validFrom} until before
 * {@code validTo} (null while in force), with the source of the fact.
 */
public record CourtCommune(String courtCode, String communeCode, String communeName, LocalDate validFrom, LocalDate validTo,
                           String source) {
}
