package vn.socialmap.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.IntegrationTest;

class ModelCoverageTest extends IntegrationTest {

    @Autowired
    ModelCoverage coverage;
    @Autowired
    JdbcTemplate jdbc;

    private static Facility model(FacilityStatus status, int start, Integer end) {
        Facility f = new Facility("01", Instant.now());
        Map<String, Object> details = new java.util.HashMap<>(Map.of("modelKind", "CLUB", "startYear", start));
        if (end != null) {
            details.put("endYear", end);
        }
        f.apply(new FacilityForm(FacilityType.POST_REHAB_MODEL, null, "CLB", null, "00004", 105.8, 21.0, null, null, null,
                status, LocalDate.of(start, 1, 1), details), "2025-07", "001",
                new GeometryFactory().createPoint(new Coordinate(105.8, 21.0)), Instant.now());
        return f;
    }

    @Test
    void aModelCountsInTheYearsItRuns() {
        assertThat(ModelCoverage.runsIn(model(FacilityStatus.ACTIVE, 2021, null), 2022)).isTrue();
        assertThat(ModelCoverage.runsIn(model(FacilityStatus.ACTIVE, 2022, null), 2021)).isFalse();
        assertThat(ModelCoverage.runsIn(model(FacilityStatus.ACTIVE, 2020, 2021), 2022)).isFalse();
        assertThat(ModelCoverage.runsIn(model(FacilityStatus.ACTIVE, 2020, 2022), 2022)).isTrue();
        assertThat(ModelCoverage.runsIn(model(FacilityStatus.SUSPENDED, 2020, null), 2022)).isFalse();
    }

    static final LocalDate END_2022 = LocalDate.of(2022, 12, 31);

    /** Appendix I for Cầu Giấy: 8 models kept from 2021, none new; Long Biên: 4 kept, 2 new (districts of 2022). */
    @Test
    void districtCoverageAgainstAppendixI() {
        var rows = coverage.byDistrict("01", END_2022);
        var cauGiay = rows.stream().filter(r -> r.code().equals("005")).findFirst().orElseThrow();
        assertThat(cauGiay.models()).isEqualTo(8);
        assertThat(cauGiay.communes()).isEqualTo(8);
        var longBien2021 = coverage.byDistrict("01", LocalDate.of(2021, 12, 31)).stream().filter(r -> r.code().equals("004")).findFirst().orElseThrow();
        assertThat(longBien2021.models()).isEqualTo(4);
        var longBien = rows.stream().filter(r -> r.code().equals("004")).findFirst().orElseThrow();
        assertThat(longBien.models()).isEqualTo(6);
        assertThat(rows.stream().mapToInt(ModelCoverage.DistrictCoverage::models).sum()).isEqualTo(259);
    }

    /** The same numbers counted independently in SQL: the communes of 2022 holding a model's location. */
    @Test
    void communesWithAModelCountedInSql() {
        var rows = coverage.byDistrict("01", END_2022);
        for (var row : rows) {
            long expected = jdbc.queryForObject("""
                    select count(distinct c.code) from facility f
                    join admin_unit c on c.structure = '2022' and c.level = 'COMMUNE' and ST_Covers(c.geom, f.location)
                    where f.type = 'POST_REHAB_MODEL' and f.status = 'ACTIVE' and c.parent_code = ?
                      and (f.details ->> 'startYear')::int <= 2022
                      and ((f.details ->> 'endYear') is null or (f.details ->> 'endYear')::int >= 2022)""", Long.class, row.code());
            assertThat(row.communesWithModel()).as(row.code()).isEqualTo(expected);
        }
        long without = coverage.communesWithout("01", null, END_2022).size();
        long with = rows.stream().mapToLong(ModelCoverage.DistrictCoverage::communesWithModel).sum();
        assertThat(without + with).isEqualTo(579);
        // on today's units: 126 communes, none of them a district
        assertThat(coverage.byDistrict("01", LocalDate.of(2026, 6, 30))).isEmpty();
        long today = coverage.communesWithout("01", null, LocalDate.of(2026, 6, 30)).size()
                + coverage.modelsPerCommune("01", LocalDate.of(2026, 6, 30)).size();
        assertThat(today).isEqualTo(126);
    }
}
