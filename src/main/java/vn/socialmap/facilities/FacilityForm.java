package vn.socialmap.facilities;

import java.time.LocalDate;
import java.util.Map;

/**
 * What is entered for a facility. The point (longitude, latitude) must lie inside the
 * commune. {@code details} holds the type's own fields: capacity, patients, compulsory,
 * voluntary, servedCommunes, modelKind (VOLUNTEER, CLUB, COUNSELING), startYear, endYear,
 * severity (LOW, MEDIUM, HIGH), periodFrom, periodTo.
 */
public record FacilityForm(FacilityType type, String code, String name, String address, String communeCode,
                           Double longitude, Double latitude, String phone, String email, String contactPerson,
                           FacilityStatus status, LocalDate statusSince, Map<String, Object> details) {
}
