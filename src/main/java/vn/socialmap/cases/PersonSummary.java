package vn.socialmap.cases;

import java.time.LocalDate;

/** A row of the person list. */
public record PersonSummary(long id, String fullName, LocalDate birthDate, Sex sex, String nationalId,
                            String currentCommuneCode, String currentDistrictCode, String mainStatus) {
}
