package vn.socialmap.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a person's status periods (derived by {@link PathRules}) to
 * {@code person_status_period}, replacing the old ones, and their monthly counts
 * ({@link StatusRollup}), in the caller's transaction.
 */
@Component
class StatusProjection {

    private static final String COLUMNS = "province_code, district_code, commune_code, status, valid_from, valid_to";

    private final JdbcClient jdbc;
    private final StatusRollup rollup;

    StatusProjection(JdbcClient jdbc, StatusRollup rollup) {
        this.jdbc = jdbc;
        this.rollup = rollup;
    }

    void replace(Person person, List<PathRules.Period> periods) {
        LocalDate horizon = rollup.lockHorizon();
        removePeriods(horizon, person.getId());
        for (PathRules.Period p : periods) {
            jdbc.sql("""
                    insert into person_status_period (person_id, province_code, district_code, commune_code, status,
                                                      facility_code, valid_from, valid_to)
                    values (:person, :province, :district, :commune, :status, :facility, :from, :to)""")
                    .param("person", person.getId()).param("province", person.getProvinceCode())
                    .param("district", person.getCurrentDistrictCode()).param("commune", person.getCurrentCommuneCode())
                    .param("status", p.status().name()).param("facility", p.facilityCode())
                    .param("from", Date.valueOf(p.from())).param("to", p.to() == null ? null : Date.valueOf(p.to()))
                    .update();
        }
        rollup.apply(horizon, "select " + COLUMNS + " from person_status_period where person_id = :id",
                Map.of("id", person.getId()), 1);
    }

    void remove(long personId) {
        removePeriods(rollup.lockHorizon(), personId);
    }

    private void removePeriods(LocalDate horizon, long personId) {
        rollup.apply(horizon, "delete from person_status_period where person_id = :id returning " + COLUMNS,
                Map.of("id", personId), -1);
    }
}
