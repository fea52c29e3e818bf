package vn.socialmap.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.IntegrationTest;
import vn.socialmap.targets.PlanModel.Level;

/** Hanoi 2023 and Da Nang Plan 117 with their "over 80% reached services" share targets. */
class SharePlansTest extends IntegrationTest {

    @Autowired
    ProgressService progress;
    @Autowired
    JdbcTemplate jdbc;

    private long plan(String province, String number) {
        return progress.plans().stream().filter(p -> p.provinceCode().equals(province) && p.number().equals(number))
                .findFirst().orElseThrow().id();
    }

    @Test
    void daNangShareOfManagedPeopleReachedAgreesWithAnIndependentCount() {
        signIn("district-001");
        LocalDate asOf = LocalDate.of(2023, 12, 31);
        var row = progress.progress(plan("48", Plan78Loader.DA_NANG_117), asOf, Level.CITY).getFirst();
        assertThat(row.indicatorCode()).isEqualTo("REACHED_SERVICES");
        assertThat(row.target()).isEqualTo(80.0);
        // independent count: people first recorded by the end of 2023, their record not closed by then, with a
        // service event in 2023
        Long firstRecorded = jdbc.queryForObject("""
                select count(*) from (select p.id from person p join case_event e on e.person_id = p.id
                  where p.province_code = '48' and p.merged_into_id is null group by p.id
                  having min(e.event_date) <= date '2023-12-31'
                     and not bool_or(e.type = 'RECORD_CLOSED' and e.event_date <= date '2023-12-31')) x""", Long.class);
        Long reached = jdbc.queryForObject("""
                select count(*) from (select p.id from person p join case_event e on e.person_id = p.id
                  where p.province_code = '48' and p.merged_into_id is null group by p.id
                  having min(e.event_date) <= date '2023-12-31'
                     and not bool_or(e.type = 'RECORD_CLOSED' and e.event_date <= date '2023-12-31')
                     and bool_or(e.type in ('ADDICTION_DETERMINATION', 'VOLUNTARY_COMMUNITY_START', 'VOLUNTARY_FACILITY_ADMISSION',
                                            'COMPULSORY_ADMISSION', 'DETOX', 'METHADONE_START', 'POST_REHAB_START', 'SUPPORT')
                                 and e.event_date between date '2023-01-01' and date '2023-12-31')) x""", Long.class);
        assertThat(firstRecorded).isPositive();
        assertThat(row.actual()).isEqualTo(Math.round(100.0 * reached / firstRecorded));
    }

    @Test
    void hanoi2023TargetsFromTheSeeds() {
        signIn("district-001");
        var rows = progress.progress(plan("01", Plan78Loader.HANOI_2023), LocalDate.of(2023, 12, 31), Level.CITY);
        assertThat(rows).extracting(ProgressService.Row::indicatorCode)
                .containsExactly("REACHED_SERVICES", "SUPPORT", "TRAINED", "MODEL_COMMUNES");
        assertThat(rows).extracting(ProgressService.Row::target).containsExactly(80.0, 250.0, 700.0, 381.0);
        assertThat(rows.get(3).actual()).isEqualTo(579 - 320);
    }
}
