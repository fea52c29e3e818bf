package vn.socialmap.facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.IntegrationTest;
import vn.socialmap.base.ValidationException;
import vn.socialmap.geography.AdminUnitService;

/** Each type's required fields, checked by the service at start-up load (no signed-in user). */
class FacilityRulesTest extends IntegrationTest {

    @Autowired
    FacilityService facilities;
    @Autowired
    AdminUnitService units;
    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> validDetails(FacilityType type, String commune) {
        Map<String, Object> d = new HashMap<>();
        for (String field : type.requiredDetails()) {
            d.put(field, switch (field) {
                case "capacity" -> 100;
                case "servedCommunes" -> List.of(commune);
                case "modelKind" -> "CLUB";
                case "startYear" -> 2022;
                case "severity" -> "HIGH";
                case "periodFrom" -> "2022-01-01";
                default -> "x";
            });
        }
        return d;
    }

    private FacilityForm form(FacilityType type, Map<String, Object> details) {
        String commune = communeIn("003");
        Point p = units.find(commune).orElseThrow().getGeom().getInteriorPoint();
        return new FacilityForm(type, null, "Cơ sở kiểm tra " + type, null, commune, p.getX(), p.getY(), null, null, null,
                // closed: the test records must not count in coverage or published lists
                FacilityStatus.CLOSED, LocalDate.of(2022, 1, 1), details);
    }

    @ParameterizedTest
    @EnumSource(FacilityType.class)
    void everyTypeRefusesEachMissingRequiredFieldAndAcceptsAComplete(FacilityType type) {
        String commune = communeIn("003");
        for (String field : type.requiredDetails()) {
            Map<String, Object> details = validDetails(type, commune);
            details.remove(field);
            long before = jdbc.queryForObject("select count(*) from facility", Long.class);
            assertThatThrownBy(() -> facilities.create(form(type, details)))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
            assertThat(jdbc.queryForObject("select count(*) from facility", Long.class)).isEqualTo(before);
        }
        Facility created = facilities.create(form(type, validDetails(type, commune)));
        assertThat(created.getId()).isNotNull();
        assertThat(jdbc.queryForList("select what from facility_change where facility_id = ?", String.class, created.getId()))
                .containsExactly("CREATED");
    }
}
