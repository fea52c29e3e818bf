package vn.socialmap.cases;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A row of the person list. {@code formerDistrictCode} is the district of the last structure
 * with districts whose area holds the residence.
 */
public record PersonSummary(long id, String fullName, LocalDate birthDate, Sex sex, String nationalId,
                            String currentCommuneCode, String formerDistrictCode, String mainStatus) {

    /** The same former district under the name the list has had since 2022, which API clients read. */
    @JsonProperty("currentDistrictCode")
    public String currentDistrictCode() {
        return formerDistrictCode;
    }
}
