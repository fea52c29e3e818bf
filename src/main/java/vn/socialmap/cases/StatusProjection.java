package vn.socialmap.cases;

import java.sql.Date;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a person's status periods (derived by {@link PathRules}) to
 * {@code person_status_period}, replacing the old ones, in the caller's transaction.
 */
@Component
class StatusProjection {

    private final JdbcClient jdbc;

    StatusProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(Person person, List<PathRules.Period> periods) {
        jdbc.sql("delete from person_status_period where person_id = :id").param("id", person.getId()).update();
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
    }

    void remove(long personId) {
        jdbc.sql("delete from person_status_period where person_id = :id").param("id", personId).update();
    }
}
