package vn.socialmap.cases;

import java.time.LocalDate;

/**
 * What an officer enters for a person. {@code longitude}/{@code latitude} locate the
 * current residence and must fall inside its commune.
 */
public record PersonForm(String fullName, LocalDate birthDate, Sex sex, String nationalId,
                         String permanentCommuneCode, String permanentAddress,
                         String currentCommuneCode, String currentAddress, Double longitude, Double latitude,
                         String occupation, String notes) {
}
