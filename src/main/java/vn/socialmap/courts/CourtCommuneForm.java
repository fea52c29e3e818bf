package vn.socialmap.courts;

import java.time.LocalDate;

/**
 * What an admin enters when adding a commune to a court; both optional.
 *
 * @param validFrom the first day the court covers it: 01/07/2025, when the regional courts began, when absent
 * @param source    where the admin found it: "admin: username" when absent
 */
public record CourtCommuneForm(LocalDate validFrom, String source) {
}
